import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';

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

/**
 * Reads a JSONL interaction log of `{session_id | user_id, item_ids[]}`. Bad lines are skipped and
 * reported; a log with no valid line is an error.
 */
export async function loadInteractionLog(file: string): Promise<InteractionLog> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConvrecError('LOG_INVALID', `${file}: cannot read the interaction log`, { cause: error });
  }
  const sessions: Interaction[] = [];
  const skipped: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch {
      skipped.push(`${file}:${index + 1}: malformed JSON`);
      return;
    }
    const parsed = interactionSessionSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push(
        `${file}:${index + 1}: field "${issue?.path.join('.') || 'row'}" ${issue?.message ?? 'invalid'}`,
      );
      return;
    }
    const id = parsed.data.session_id ?? parsed.data.user_id;
    sessions.push({ sessionId: String(id), itemIds: parsed.data.item_ids.map(String) });
  });
  if (sessions.length === 0) {
    throw new ConvrecError(
      'LOG_INVALID',
      `${file}: no valid sessions${skipped[0] ? ` (first problem: ${skipped[0]})` : ''}`,
    );
  }
  return { source: file, sessions, skipped };
}
