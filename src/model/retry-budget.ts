/**
 * Retries shared by several model calls (one turn's): each retry takes one, and once they are spent
 * a failing call fails at once instead of trying again.
 */
export class RetryBudget {
  private spent = 0;

  constructor(readonly total: number) {}

  /** Takes one retry; false when none is left. */
  take(): boolean {
    if (this.spent >= this.total) return false;
    this.spent++;
    return true;
  }

  /** Retries taken so far. */
  get used(): number {
    return this.spent;
  }

  get remaining(): number {
    return this.total - this.spent;
  }
}
