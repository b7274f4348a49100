import { readFile, stat } from 'node:fs/promises';
import type { z } from 'zod';
import { DatasetError } from '../../errors/index.js';
import { parseJson } from '../../model/parse-json.js';
import { datasetLimits, type DatasetLimits } from './dataset-limits.js';

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

function issueField(issue: z.core.$ZodIssue | undefined): string {
  const path = issue?.path.map(String).join('.') ?? '';
  if (issue?.code === 'unrecognized_keys') return [path, issue.keys[0]].filter(Boolean).join('.');
  return path || '(row)';
}

/**
 * Reads a JSONL file line by line through `schema`. The file and every line are size-checked first;
 * the first bad line is a DatasetError naming `file:line field "x"`. Blank lines are skipped;
 * reading stops after `limit` rows.
 */
export async function readJsonl<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  kind: JsonlKind,
  options: { limit?: number; limits?: Pick<DatasetLimits, 'maxFileBytes' | 'maxLineChars'> } = {},
): Promise<JsonlRow<z.output<Schema>>[]> {
  const limits = options.limits ?? datasetLimits;
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > limits.maxFileBytes) {
      throw new DatasetError(
        kind.code,
        `the ${kind.what} file is ${size.toLocaleString('en-US')} bytes, more than the ${limits.maxFileBytes.toLocaleString('en-US')} allowed`,
        { file },
      );
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(
      kind.code,
      `cannot read the ${kind.what} (${(error as Error).message})`,
      { file },
      error,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: JsonlRow<z.output<Schema>>[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    if (options.limit !== undefined && rows.length >= options.limit) break;
    const line = index + 1;
    if (!raw.trim()) continue;
    if (raw.length > limits.maxLineChars) {
      throw new DatasetError(
        kind.code,
        `the line is ${raw.length.toLocaleString('en-US')} characters long, more than the ${limits.maxLineChars.toLocaleString('en-US')} allowed`,
        { file, line },
      );
    }
    const parsedJson = parseJson(raw);
    if (!parsedJson.ok) {
      throw new DatasetError(kind.code, `malformed JSON (${parsedJson.error})`, { file, line });
    }
    const parsed = schema.safeParse(parsedJson.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DatasetError(kind.code, issue?.message ?? 'is invalid', {
        file,
        line,
        field: issueField(issue),
      });
    }
    rows.push({ line, value: parsed.data });
  }
  return rows;
}
