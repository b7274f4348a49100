import { ConvrecError } from '../errors/index.js';
import type { GenerateResult } from './language-model.js';

/**
 * One request's signal: it aborts when the caller cancels, when the turn runs out of time, when
 * `deadlineMs` have passed since the request started, or when `stop` is called. `failure()` says
 * which, as the error to throw. `dispose()` clears the timer; nothing stays attached to the
 * caller's signal.
 */
export class RequestDeadline {
  readonly signal: AbortSignal;
  private readonly own = new AbortController();
  private readonly timer: NodeJS.Timeout | undefined;
  private stopped: ConvrecError | undefined;

  constructor(
    private readonly modelId: string,
    private readonly deadlineMs: number | undefined,
    private readonly caller: AbortSignal | undefined,
    private readonly turnDeadline: AbortSignal | undefined,
  ) {
    if (deadlineMs !== undefined) this.timer = setTimeout(() => this.own.abort(), deadlineMs);
    const sources = [caller, turnDeadline, this.own.signal].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    this.signal = sources.length === 1 ? this.own.signal : AbortSignal.any(sources);
  }

  /** Ends the request with `error` (e.g. its output passed the cap). */
  stop(error: ConvrecError): void {
    this.stopped ??= error;
    this.own.abort();
  }

  /** Why the request was cut short, or undefined while it was not. */
  failure(): ConvrecError | undefined {
    const subject = `model "${this.modelId}"`;
    if (this.caller?.aborted) {
      return new ConvrecError('ABORTED', `${subject}: the call was cancelled`, { cause: this.caller.reason });
    }
    if (this.stopped) return this.stopped;
    if (this.turnDeadline?.aborted) return turnDeadlineError(this.modelId);
    if (this.own.signal.aborted) {
      return new ConvrecError(
        'MODEL_TIMEOUT',
        `${subject}: the answer did not finish within ${this.deadlineMs} ms of the request`,
        { retryable: true },
      );
    }
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** The error of a model call made (or still running) after the turn's deadline. */
export function turnDeadlineError(modelId: string): ConvrecError {
  return new ConvrecError(
    'TURN_DEADLINE_EXCEEDED',
    `model "${modelId}": the turn ran out of time, so the call was stopped`,
  );
}

/** The error of a call whose answer passed `maxOutputChars`. */
export function outputCapError(modelId: string, maxOutputChars: number): ConvrecError {
  return new ConvrecError(
    'MODEL_OUTPUT_INVALID',
    `model "${modelId}": the answer passed ${maxOutputChars.toLocaleString('en-US')} characters and was cut off`,
  );
}

/** Characters of text and tool-call names and arguments in a result (what `maxOutputChars` counts). */
export function outputChars(result: GenerateResult): number {
  return result.toolCalls.reduce(
    (total, call) => total + call.name.length + call.arguments.length,
    result.text.length,
  );
}
