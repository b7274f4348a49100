import type { LanguageModel } from '../model/language-model.js';
import { limitModel } from '../model/limited-model.js';
import { RetryBudget } from '../model/retry-budget.js';
import type { Limits } from './limits-schema.js';

/** One turn's bounds in force: its model with them applied, and a `finish` that clears the timer. */
export interface TurnLimits {
  /** The model whose calls obey the turn's deadline, the per-request deadline, the output cap and the shared retries. */
  model: LanguageModel | undefined;
  readonly retryBudget: RetryBudget;
  /** Aborts when the turn is out of time; calls outside the model (query embeddings) stop on it too. */
  readonly turnDeadline: AbortSignal;
  finish(): void;
}

/**
 * Starts a turn's clock. When it runs out, model calls (running or new) fail with
 * TURN_DEADLINE_EXCEEDED, so each stage falls back to its offline answer; the turn's own signal is
 * not aborted, so it is not cancelled.
 */
export function startTurnLimits(limits: Limits, model: LanguageModel | undefined): TurnLimits {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.turnDeadlineMs);
  const retryBudget = new RetryBudget(limits.turnRetryBudget);
  return {
    model:
      model &&
      limitModel(model, {
        deadlineMs: limits.modelDeadlineMs,
        maxOutputChars: limits.maxModelOutputChars,
        retryBudget,
        turnDeadline: deadline.signal,
      }),
    retryBudget,
    turnDeadline: deadline.signal,
    finish: () => clearTimeout(timer),
  };
}
