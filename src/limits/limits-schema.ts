import { z } from 'zod';

/** The limits a recommender runs under unless told otherwise. */
export const defaultLimits = {
  maxMessageChars: 4_000,
  turnDeadlineMs: 120_000,
  modelDeadlineMs: 60_000,
  turnRetryBudget: 4,
  maxModelOutputChars: 20_000,
} as const;

const count = (minimum: number) => z.coerce.number().int().min(minimum);

/** Bounds on the work one message may cause; numbers or numeric strings (from the environment). */
export const limitsSchema = z.object({
  maxMessageChars: count(1)
    .default(defaultLimits.maxMessageChars)
    .describe('Longest message accepted, in characters; a longer one is refused with INPUT_TOO_LONG'),
  turnDeadlineMs: count(1)
    .default(defaultLimits.turnDeadlineMs)
    .describe('Wall-clock time for one turn; model calls still running then stop and the turn degrades'),
  modelDeadlineMs: count(1)
    .default(defaultLimits.modelDeadlineMs)
    .describe('Longest one model request may take, from sending it to the last byte of the answer'),
  turnRetryBudget: count(0)
    .default(defaultLimits.turnRetryBudget)
    .describe('Retries shared by all model calls of one turn'),
  maxModelOutputChars: count(1)
    .default(defaultLimits.maxModelOutputChars)
    .describe('Most characters one model call may return; more is MODEL_OUTPUT_INVALID'),
});

/** Bounds on the work one message may cause. */
export type Limits = z.infer<typeof limitsSchema>;

/** Limits as the library accepts them: any subset, the rest defaults. */
export type LimitsInput = z.input<typeof limitsSchema>;
