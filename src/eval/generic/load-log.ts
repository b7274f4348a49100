import { readInteractionSessions, type Interaction } from '../../collaborative/interaction-log.js';
import type { DatasetLimits } from './dataset-limits.js';

/**
 * Reads an interaction log for evaluation: JSONL of `{session_id | user_id, item_ids[]}`. Unlike
 * `loadInteractionLog` (which skips bad lines when indexing), any bad line is a LOG_INVALID error
 * naming `file:line field "x"`: a silently shortened log would change the figures.
 */
export async function loadEvalLog(
  file: string,
  options: { limits?: Pick<DatasetLimits, 'maxFileBytes' | 'maxLineChars'> } = {},
): Promise<Interaction[]> {
  return readInteractionSessions(file, { ...options, emptyMessage: 'no sessions' });
}
