import type { TurnEvent, TurnResult } from './turn-events.js';

/**
 * A running turn: iterate it for events as they happen, or await `result()`. The turn runs whether
 * or not anyone iterates; events are buffered for a late reader.
 */
export class TurnStream implements AsyncIterable<TurnEvent> {
  private readonly events: TurnEvent[] = [];
  private waiting: (() => void)[] = [];
  private finished = false;
  private readonly outcome: Promise<TurnResult>;

  constructor(run: (emit: (event: TurnEvent) => void) => Promise<TurnResult>) {
    this.outcome = run((event) => this.push(event)).finally(() => {
      this.finished = true;
      this.wake();
    });
    // The failure reaches whoever awaits result() or iterates; never an unhandled rejection.
    this.outcome.catch(() => undefined);
  }

  private push(event: TurnEvent): void {
    this.events.push(event);
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting.splice(0);
    for (const resolve of waiting) resolve();
  }

  /** The turn's outcome; rejects with a ConvrecError only when the turn could not run at all. */
  result(): Promise<TurnResult> {
    return this.outcome;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<TurnEvent> {
    let index = 0;
    for (;;) {
      while (index < this.events.length) yield this.events[index++]!;
      if (this.finished) break;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    await this.outcome;
  }
}
