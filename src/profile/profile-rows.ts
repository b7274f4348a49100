import { ProfileStoreError } from '../errors/index.js';
import { parseJson } from '../model/parse-json.js';
import type { FeedbackEvent, ProfileSummary, SessionRecord } from './profile-store.js';
import {
  describeIssue,
  feedbackEventSchema,
  sessionRecordSchema,
  toSessionRecord,
} from './profile-schemas.js';

/** A `feedback` row as the SQLite and Postgres stores read it. */
export interface FeedbackRow {
  user_id: string;
  item_id: string;
  kind: string;
  session_id: string;
  turn: number;
  at: string;
  text: string | null;
}

/** A `summaries` row. */
export interface SummaryRow {
  text: string;
  written_by: string;
  updated_at: string;
  feedback_count: number;
}

/** A `sessions` row: the record is kept whole as JSON in `payload`. */
export interface SessionRow {
  id: string;
  user_id: string;
  payload: string;
}

/** The values of a feedback row in column order (user_id, item_id, kind, session_id, turn, at, text). */
export function feedbackRowValues(
  event: FeedbackEvent,
): [string, string, string, string, number, string, string | null] {
  return [event.userId, event.itemId, event.kind, event.sessionId, event.turn, event.at, event.text ?? null];
}

/** The values of a summary row in column order (user_id, text, written_by, updated_at, feedback_count). */
export function summaryRowValues(
  userId: string,
  summary: ProfileSummary,
): [string, string, string, string, number] {
  return [userId, summary.text, summary.writtenBy, summary.updatedAt, summary.feedbackCount];
}

/** One user's feedback rows as events; a corrupt row fails with PROFILE_STORE_FAILED naming the store. */
export function feedbackFromRows(
  rows: readonly FeedbackRow[],
  userId: string,
  location: string,
): FeedbackEvent[] {
  return rows.map((row) => {
    const parsed = feedbackEventSchema.safeParse({
      userId: row.user_id,
      itemId: row.item_id,
      kind: row.kind,
      sessionId: row.session_id,
      turn: row.turn,
      at: row.at,
    });
    if (!parsed.success) {
      throw new ProfileStoreError(
        'PROFILE_STORE_FAILED',
        `a feedback row of user "${userId}" is corrupt: ${describeIssue(parsed.error)}`,
        location,
      );
    }
    const { text: _text, ...event } = parsed.data;
    return row.text === null ? event : { ...event, text: row.text };
  });
}

/** A summary row as the user's profile summary; undefined when there is none. */
export function summaryFromRow(row: SummaryRow | undefined): ProfileSummary | undefined {
  if (!row) return undefined;
  return {
    text: row.text,
    writtenBy: row.written_by,
    updatedAt: row.updated_at,
    feedbackCount: row.feedback_count,
  };
}

/**
 * The session record in a row; malformed JSON, an invalid record or one naming another session or
 * user fails with PROFILE_STORE_FAILED naming the store.
 */
export function sessionFromRow(row: SessionRow, location: string): SessionRecord {
  const corrupt = (reason: string) =>
    new ProfileStoreError('PROFILE_STORE_FAILED', `session "${row.id}" is corrupt: ${reason}`, location);
  const payload = parseJson(row.payload);
  if (!payload.ok) throw corrupt(`malformed JSON (${payload.error})`);
  const parsed = sessionRecordSchema.safeParse(payload.value);
  if (!parsed.success) throw corrupt(describeIssue(parsed.error));
  if (parsed.data.id !== row.id || parsed.data.userId !== row.user_id) {
    throw corrupt('the saved record names another session or user');
  }
  return toSessionRecord(parsed.data);
}
