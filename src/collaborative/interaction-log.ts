import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';
import { readJsonl, type ReadJsonlOptions } from '../jsonl/index.js';

/** One line of an interaction log: `{session_id | user_id, item_ids[]}`. */
export const interactionSessionSchema = z
  .object({
    session_id: z.union([z.string(), z.number()]).optional(),
    user_id: z.union([z.string(), z.number()]).optional(),
    item_ids: z.array(z.union([z.string(), z.number()])),
  })
  .refine((row) => row.session_id !== undefined || row.user_id !== undefined, {
    message: 'needs session_id or user_id',
  });

/** One session (or user history) of the interaction log: item ids in order. */
export interface Interaction {
  sessionId: string;
  itemIds: string[];
}

export interface InteractionLog {
  source: string;
  sessions: Interaction[];
  /** Lines that were skipped, with the reason, as `line: reason`. */
  skipped: string[];
}

const logKind = { what: 'interaction log', code: 'LOG_INVALID' } as const;

/**
 * The sessions of a JSONL interaction log, validated line by line (see `readJsonl`): the first bad
 * line is a LOG_INVALID error naming `file:line field "x"`, or with `onProblem` is reported and
 * skipped; with `emptyMessage` a log without a session is an error.
 */
export async function readInteractionSessions(
  file: string,
  options: Pick<ReadJsonlOptions, 'limits' | 'onProblem' | 'emptyMessage'> = {},
): Promise<Interaction[]> {
  const rows = await readJsonl(file, interactionSessionSchema, logKind, options);
  return rows.map(({ value }) => ({
    sessionId: String(value.session_id ?? value.user_id),
    itemIds: value.item_ids.map(String),
  }));
}

/**
 * Reads a JSONL interaction log of `{session_id | user_id, item_ids[]}`. Bad lines are skipped and
 * reported; a log with no valid line is an error.
 */
export async function loadInteractionLog(file: string): Promise<InteractionLog> {
  const skipped: string[] = [];
  const sessions = await readInteractionSessions(file, {
    onProblem: (problem) =>
      skipped.push(
        `${file}:${problem.line}: ${
          problem.kind === 'invalid'
            ? `field "${problem.field}" ${problem.message}`
            : problem.kind === 'malformed-json'
              ? 'malformed JSON'
              : problem.message
        }`,
      ),
  });
  if (sessions.length === 0) {
    throw new ConvrecError(
      'LOG_INVALID',
      `${file}: no valid sessions${skipped[0] ? ` (first problem: ${skipped[0]})` : ''}`,
    );
  }
  return { source: file, sessions, skipped };
}
