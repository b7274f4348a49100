import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';

export const evalTurnSchema = z.object({
  id: z.string(),
  dialog_id: z.string(),
  turn_index: z.number().int(),
  context: z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string() })),
  target_ids: z.array(z.string()),
  mentioned_ids: z.array(z.string()).default([]),
});

/** One recommendation turn of the evaluation data. */
export type EvalTurn = z.infer<typeof evalTurnSchema>;

/** Reads a `*_rec_turns.jsonl` file; any invalid line is an error naming the line and field. */
export async function loadEvalTurns(file: string, limit?: number): Promise<EvalTurn[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConvrecError('DATASET_INVALID', `${file}: cannot read the evaluation turns`, { cause: error });
  }
  const turns: EvalTurn[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (!raw.trim()) continue;
    if (limit !== undefined && turns.length >= limit) break;
    let value: unknown;
    try {
      value = JSON.parse(raw) as unknown;
    } catch (error) {
      throw new ConvrecError('DATASET_INVALID', `${file}:${index + 1}: malformed JSON`, { cause: error });
    }
    const parsed = evalTurnSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConvrecError(
        'DATASET_INVALID',
        `${file}:${index + 1}: field "${issue?.path.join('.')}" ${issue?.message}`,
      );
    }
    turns.push(parsed.data);
  }
  return turns;
}
