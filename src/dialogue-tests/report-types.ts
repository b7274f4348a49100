/** One expectation, checked. */
export interface CheckResult {
  /** The expectation as written, e.g. `exclude_genre horror`. */
  expectation: string;
  passed: boolean;
  /** What was actually seen, when it failed: `got The Godfather (1972)`. */
  actual?: string;
}

/** passed, failed, or a known issue that still fails as expected. */
export type OutcomeStatus = 'passed' | 'failed' | 'known-issue';

/** A checked expectation of one turn of a script. */
export interface ExpectationOutcome {
  /** `turn 2`, or `session 2 turn 1` in scripts with several sessions. */
  where: string;
  /** The user's words (or command) of the turn. */
  said: string;
  expectation: string;
  status: OutcomeStatus;
  actual?: string;
  /** A known issue's reason, or what to do when a known issue passes. */
  note?: string;
}

/** The outcome of one script; `error` when it could not run (bad script, missing catalog). */
export interface ScriptReport {
  file: string;
  name: string;
  outcomes: ExpectationOutcome[];
  error?: string;
  ms: number;
}

/** The outcome of a run over several scripts. */
export interface DialogueReport {
  scripts: ScriptReport[];
  expectations: number;
  passed: number;
  failed: number;
  knownIssues: number;
  /** Scripts that could not run. */
  errors: number;
  /** True when nothing failed and every script ran. */
  ok: boolean;
}
