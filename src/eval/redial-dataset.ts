import { z } from 'zod';
import { readJsonl } from '../jsonl/index.js';

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

/** Reads a `*_rec_turns.jsonl` file; any invalid line is a DATASET_INVALID error naming the line and field. */
export async function loadEvalTurns(file: string, limit?: number): Promise<EvalTurn[]> {
  const rows = await readJsonl(
    file,
    evalTurnSchema,
    { what: 'evaluation turns', code: 'DATASET_INVALID' },
    limit === undefined ? {} : { limit },
  );
  return rows.map(({ value }) => value);
}
