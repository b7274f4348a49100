import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { demoCatalogPath } from '../paths/package-paths.js';
import { locateNode } from './locate-node.js';
import { DialogueScriptError } from './script-error.js';
import { dialogueScriptSchema, type DialogueScript, type DialogueSession } from './script-schema.js';

/** A validated script, with its sessions spelled out and a way to name the line of any field. */
export interface LoadedScript {
  file: string;
  name: string;
  mode: DialogueScript['mode'];
  /** Absolute catalog path (relative paths are resolved against the script's folder). */
  catalog: string;
  k?: number;
  sessions: (DialogueSession & { user: string })[];
  /** The path of a turn in the source (`turns.2` or `sessions.1.turns.0`). */
  turnPath(session: number, turn: number): (string | number)[];
  /** An error located at a field of the script, e.g. an unknown title in `turns.1.expect.include.0`. */
  errorAt(path: readonly PropertyKey[], message: string): DialogueScriptError;
}

/** Reads and validates a dialogue script (YAML or JSON); errors name the file, line and field. */
export async function loadDialogueScript(file: string): Promise<LoadedScript> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DialogueScriptError(`cannot read the script (${(error as Error).message})`, { file }, error);
  }
  return parseDialogueScript(text, file);
}

/** Validates a script's text; `file` is used for messages and to resolve the catalog path. */
export function parseDialogueScript(text: string, file: string): LoadedScript {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax) {
    throw new DialogueScriptError(`not valid YAML or JSON: ${syntax.message}`, {
      file,
      line: lineCounter.linePos(syntax.pos[0]).line,
    });
  }
  const errorAt = (path: readonly PropertyKey[], message: string, key?: string) => {
    const { line, path: located } = locateNode(document, lineCounter, path, key);
    const field = located.map(String).join('.');
    return new DialogueScriptError(message, {
      file,
      ...(line !== undefined ? { line } : {}),
      ...(field ? { field } : {}),
    });
  };
  const raw: unknown = document.toJS();
  const parsed = dialogueScriptSchema.safeParse(raw);
  if (!parsed.success) throw issueError(parsed.error.issues[0]!, errorAt);
  const script = keepExpectationOrder(parsed.data, raw);
  const sessions = script.sessions ?? [{ turns: script.turns ?? [] }];
  return {
    file,
    name: script.name ?? basename(file, extname(file)),
    mode: script.mode,
    catalog: script.catalog ? resolve(dirname(file), script.catalog) : demoCatalogPath(),
    ...(script.k !== undefined ? { k: script.k } : {}),
    sessions: sessions.map((session) => ({ ...session, user: session.user ?? script.user })),
    turnPath: (session, turn) => (script.sessions ? ['sessions', session, 'turns', turn] : ['turns', turn]),
    errorAt: (path, message) => errorAt(path, message),
  };
}

function issueError(
  issue: z.core.$ZodIssue,
  errorAt: (path: readonly PropertyKey[], message: string, key?: string) => DialogueScriptError,
): DialogueScriptError {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return errorAt(issue.path, `unknown key "${key}"${suggestion(issue.keys)}`, key);
  }
  return errorAt(issue.path, issue.message);
}

function suggestion(keys: string[]): string {
  return keys.length > 1 ? ` (also ${keys.slice(1).join(', ')})` : '';
}

/** Expectations in the order they were written (validation returns them in schema order). */
function keepExpectationOrder(script: DialogueScript, raw: unknown): DialogueScript {
  const reorder = <Value extends object>(value: Value, written: unknown): Value => {
    if (typeof written !== 'object' || written === null) return value;
    const order = Object.keys(written);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    return Object.fromEntries(
      Object.entries(value).sort(([left], [right]) => rank(left) - rank(right)),
    ) as Value;
  };
  const turns = (list: DialogueScript['turns'], writtenList: unknown) =>
    list?.map((turn, index) => {
      const written = (Array.isArray(writtenList) ? writtenList[index] : undefined) as
        { expect?: unknown; known_issue?: { expect?: unknown } } | undefined;
      return {
        ...turn,
        ...(turn.expect ? { expect: reorder(turn.expect, written?.expect) } : {}),
        ...(turn.known_issue
          ? {
              known_issue: {
                ...turn.known_issue,
                expect: reorder(turn.known_issue.expect, written?.known_issue?.expect),
              },
            }
          : {}),
      };
    });
  const written = raw as { turns?: unknown; sessions?: { turns?: unknown }[] };
  const ordered = turns(script.turns, written.turns);
  return {
    ...script,
    ...(ordered ? { turns: ordered } : {}),
    ...(script.sessions
      ? {
          sessions: script.sessions.map((session, index) => ({
            ...session,
            turns: turns(session.turns, written.sessions?.[index]?.turns) ?? session.turns,
          })),
        }
      : {}),
  };
}
