import { readFile, stat } from 'node:fs/promises';
import type { z } from 'zod';
import { DatasetError } from '../errors/index.js';
import { parseJson } from '../model/parse-json.js';

/** Size bounds of a JSONL file: a bigger file or line is the wrong file, refused before parsing. */
export interface JsonlLimits {
  maxFileBytes: number;
  maxLineChars: number;
}

/** Default bounds: files up to 512 MiB, lines up to a million characters. */
export const defaultJsonlLimits: JsonlLimits = { maxFileBytes: 512 * 1024 * 1024, maxLineChars: 1_000_000 };

/** One valid line of a JSONL file, with its 1-based line number. */
export interface JsonlRow<Value> {
  line: number;
  value: Value;
}

/** What a JSONL file holds, for messages ("evaluation turns") and which error code a problem gets. */
export interface JsonlKind {
  what: string;
  code: 'DATASET_INVALID' | 'LOG_INVALID';
}

/** A line that could not be used: too long, not JSON, or not what the schema expects. */
export interface JsonlProblem {
  line: number;
  kind: 'too-long' | 'malformed-json' | 'invalid';
  /** The field the schema refused (`"(row)"` for the whole row); only for `invalid`. */
  field?: string;
  message: string;
}

export interface ReadJsonlOptions {
  /** Stop after this many valid rows. */
  limit?: number;
  limits?: JsonlLimits;
  /** Skip bad lines and report them here; without it the first bad line is a DatasetError. */
  onProblem?: (problem: JsonlProblem) => void;
  /** A file without a valid row is a DatasetError with this message ("no turns"). */
  emptyMessage?: string;
}

function issueField(issue: z.core.$ZodIssue | undefined): string {
  const path = issue?.path.map(String).join('.') ?? '';
  if (issue?.code === 'unrecognized_keys') return [path, issue.keys[0]].filter(Boolean).join('.');
  return path || '(row)';
}

async function readBoundedText(file: string, kind: JsonlKind, limits: JsonlLimits): Promise<string> {
  try {
    const { size } = await stat(file);
    if (size > limits.maxFileBytes) {
      throw new DatasetError(
        kind.code,
        `the ${kind.what} file is ${size.toLocaleString('en-US')} bytes, more than the ${limits.maxFileBytes.toLocaleString('en-US')} allowed`,
        { file },
      );
    }
    const text = await readFile(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(
      kind.code,
      `cannot read the ${kind.what} (${(error as Error).message})`,
      { file },
      error,
    );
  }
}

function readLine<Schema extends z.ZodType>(
  raw: string,
  line: number,
  schema: Schema,
  limits: JsonlLimits,
): { value: z.output<Schema> } | JsonlProblem {
  if (raw.length > limits.maxLineChars) {
    return {
      line,
      kind: 'too-long',
      message: `the line is ${raw.length.toLocaleString('en-US')} characters long, more than the ${limits.maxLineChars.toLocaleString('en-US')} allowed`,
    };
  }
  const json = parseJson(raw);
  if (!json.ok) return { line, kind: 'malformed-json', message: `malformed JSON (${json.error})` };
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  return { line, kind: 'invalid', field: issueField(issue), message: issue?.message ?? 'is invalid' };
}

/**
 * Reads a JSONL file line by line through `schema`. The file and every line are size-checked first;
 * the first bad line is a DatasetError naming `file:line field "x"` (or, with `onProblem`, is
 * reported and skipped). Blank lines are skipped; reading stops after `limit` rows.
 */
export async function readJsonl<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  kind: JsonlKind,
  options: ReadJsonlOptions = {},
): Promise<JsonlRow<z.output<Schema>>[]> {
  const limits = options.limits ?? defaultJsonlLimits;
  const text = await readBoundedText(file, kind, limits);
  const rows: JsonlRow<z.output<Schema>>[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (options.limit !== undefined && rows.length >= options.limit) break;
    if (!raw.trim()) continue;
    const line = index + 1;
    const read = readLine(raw, line, schema, limits);
    if ('value' in read) {
      rows.push({ line, value: read.value });
      continue;
    }
    if (!options.onProblem) {
      throw new DatasetError(kind.code, read.message, {
        file,
        line,
        ...(read.field !== undefined ? { field: read.field } : {}),
      });
    }
    options.onProblem(read);
  }
  if (rows.length === 0 && options.emptyMessage !== undefined)
    throw new DatasetError(kind.code, options.emptyMessage, { file });
  return rows;
}
