import { interactionSessionSchema, type Interaction } from '../../collaborative/interaction-log.js';
import { DatasetError } from '../../errors/index.js';
import type { DatasetLimits } from './dataset-limits.js';
import { readJsonl } from './read-jsonl.js';

/**
 * Reads an interaction log for evaluation: JSONL of `{session_id | user_id, item_ids[]}`. Unlike
 * `loadInteractionLog` (which skips bad lines when indexing), any bad line is a LOG_INVALID error
 * naming `file:line field "x"`: a silently shortened log would change the figures.
 */
export async function loadEvalLog(
  file: string,
  options: { limits?: Pick<DatasetLimits, 'maxFileBytes' | 'maxLineChars'> } = {},
): Promise<Interaction[]> {
  const rows = await readJsonl(
    file,
    interactionSessionSchema,
    { what: 'interaction log', code: 'LOG_INVALID' },
    options,
  );
  if (rows.length === 0) throw new DatasetError('LOG_INVALID', 'no sessions', { file });
  return rows.map(({ value }) => ({
    sessionId: String(value.session_id ?? value.user_id),
    itemIds: value.item_ids.map(String),
  }));
}
