import type { RetryBudget } from './retry-budget.js';

/** Bounds on model calls; a turn binds its own with `limitModel`. */
export interface ModelCallLimits {
  /**
   * The longest one request may take, from sending it to the last byte of the answer (a stream
   * included): not a silence timer. A retry is a new request with its own deadline.
   */
  deadlineMs?: number;
  /** The most characters of text and tool arguments one call may return; more is MODEL_OUTPUT_INVALID. */
  maxOutputChars?: number;
  /** Retries shared by every call under these limits (each call still retries at most its `maxRetries`). */
  retryBudget?: RetryBudget;
  /**
   * Aborts when the turn is out of time: calls then fail with TURN_DEADLINE_EXCEEDED, not ABORTED,
   * so the stage degrades instead of cancelling the turn.
   */
  turnDeadline?: AbortSignal;
}
