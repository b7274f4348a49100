import { DatasetError } from '../../errors/index.js';
import { datasetTurnSchema, type DatasetTurn } from './dataset-turn.js';
import type { DatasetLimits } from './dataset-limits.js';
import { readJsonl } from '../../jsonl/index.js';

/** A turn with the line it was read from. */
export interface LocatedTurn {
  turn: DatasetTurn;
  line: number;
}

/**
 * Reads a turns JSONL file (`datasetTurnSchema` per line). A bad line or a repeated id is a
 * DATASET_INVALID error naming `file:line field "x"`.
 */
export async function loadDatasetTurns(
  file: string,
  options: { limit?: number; limits?: Pick<DatasetLimits, 'maxFileBytes' | 'maxLineChars'> } = {},
): Promise<LocatedTurn[]> {
  const rows = await readJsonl(
    file,
    datasetTurnSchema,
    { what: 'evaluation turns', code: 'DATASET_INVALID' },
    { ...options, emptyMessage: 'no turns' },
  );
  const seen = new Map<string, number>();
  for (const { value, line } of rows) {
    const first = seen.get(value.id);
    if (first !== undefined) {
      throw new DatasetError('DATASET_INVALID', `repeats the id "${value.id}" of line ${first}`, {
        file,
        line,
        field: 'id',
      });
    }
    seen.set(value.id, line);
  }
  return rows.map(({ value, line }) => ({ turn: value, line }));
}
