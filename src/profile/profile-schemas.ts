import { z } from 'zod';
import { dialogueStateSchema, type DialogueState } from '../dialogue/state/dialogue-state.js';
import { ConvrecError } from '../errors/index.js';
import type { FeedbackEvent, ProfileSummary, SessionRecord } from './profile-store.js';

const feedbackKindSchema = z.enum(['liked', 'disliked', 'seen']);

/** A feedback event as the stores accept and return it. */
export const feedbackEventSchema = z.object({
  userId: z.string().min(1),
  itemId: z.string().min(1),
  kind: feedbackKindSchema,
  sessionId: z.string(),
  turn: z.number().int().nonnegative(),
  at: z.string().min(1),
  text: z.string().optional(),
});

/** A profile summary as the stores accept and return it. */
export const profileSummarySchema = z.object({
  text: z.string(),
  writtenBy: z.string().min(1),
  updatedAt: z.string().min(1),
  feedbackCount: z.number().int().nonnegative(),
}) satisfies z.ZodType<ProfileSummary>;

/** A saved session: also the shape of the JSON payload a SQLite store keeps per session. */
export const sessionRecordSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string() })),
  lastShown: z.array(z.object({ itemId: z.string(), reason: z.string() })),
  shownIds: z.array(z.string()),
  turns: z.number().int().nonnegative(),
  state: dialogueStateSchema.optional(),
  updatedAt: z.string().min(1),
});

type Uncovered<Contract, Schema extends z.ZodType> = Exclude<keyof Contract, keyof z.output<Schema>>;
/** Fails to compile when a contract field has no schema field, so saving can never silently drop it. */
const _schemasCoverContracts: [
  Uncovered<FeedbackEvent, typeof feedbackEventSchema>,
  Uncovered<ProfileSummary, typeof profileSummarySchema>,
  Uncovered<SessionRecord, typeof sessionRecordSchema>,
] extends [never, never, never]
  ? true
  : never = true;

/** A parsed session as a SessionRecord (absent optional fields stay absent). */
export function toSessionRecord(parsed: z.output<typeof sessionRecordSchema>): SessionRecord {
  const { state, ...rest } = parsed;
  return { ...rest, ...(state === undefined ? {} : { state: state as DialogueState }) };
}

/** `field "a.b" message` for the first issue of a failed parse. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `field "${issue?.path.join('.') || 'value'}" ${issue?.message ?? 'is invalid'}`;
}

/** Validates events before they are stored; a bad event is refused with PROFILE_STORE_FAILED naming it. */
export function checkFeedback(events: readonly FeedbackEvent[]): FeedbackEvent[] {
  return events.map((event, index) => {
    const parsed = feedbackEventSchema.safeParse(event);
    if (!parsed.success) {
      throw new ConvrecError(
        'PROFILE_STORE_FAILED',
        `feedback event ${index + 1} is invalid: ${describeIssue(parsed.error)}`,
      );
    }
    const { text, ...rest } = parsed.data;
    return text === undefined ? rest : { ...rest, text };
  });
}

/** Validates a summary before it is stored. */
export function checkSummary(summary: ProfileSummary): ProfileSummary {
  const parsed = profileSummarySchema.safeParse(summary);
  if (!parsed.success) {
    throw new ConvrecError(
      'PROFILE_STORE_FAILED',
      `the profile summary is invalid: ${describeIssue(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** Validates a session before it is stored. */
export function checkSession(session: SessionRecord): SessionRecord {
  const parsed = sessionRecordSchema.safeParse(session);
  if (!parsed.success) {
    throw new ConvrecError(
      'PROFILE_STORE_FAILED',
      `session "${String(session?.id)}" is invalid: ${describeIssue(parsed.error)}`,
    );
  }
  return toSessionRecord(parsed.data);
}

/** Refuses to let one user's session overwrite another user's session with the same id. */
export function checkSessionOwner(session: SessionRecord, owner: string | undefined): void {
  if (owner !== undefined && owner !== session.userId) {
    throw new ConvrecError(
      'PROFILE_STORE_FAILED',
      `session "${session.id}" belongs to another user; it cannot be saved for user "${session.userId}"`,
    );
  }
}

/** Oldest first by ISO time; `Array.prototype.sort` is stable, so events at the same time keep their order. */
export function byTime(left: FeedbackEvent, right: FeedbackEvent): number {
  return left.at < right.at ? -1 : left.at > right.at ? 1 : 0;
}
