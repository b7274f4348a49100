import { basename } from 'node:path';
import { createDialogueRunner, scriptPassed, type DialogueRunnerOptions } from './dialogue-runner.js';
import { formatScript } from './format-report.js';

/** The parts of a test framework the suite needs (vitest's and jest's `describe`/`it`/`afterAll` fit). */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, test: () => Promise<void>, timeout?: number): void;
  afterAll(hook: () => Promise<void>): void;
}

export interface DialogueSuiteOptions extends DialogueRunnerOptions {
  /** Per-script timeout in ms (default 120 000: the first script may build the index). */
  timeout?: number;
}

/**
 * Registers one test per dialogue script. A failing script fails its test with every failed
 * expectation and the actual values in the message. Framework-free: pass your `describe`, `it`
 * and `afterAll`, e.g. `describeDialogues(files, { describe, it, afterAll })` in vitest.
 */
export function describeDialogues(files: string[], api: TestApi, options: DialogueSuiteOptions = {}): void {
  const runner = createDialogueRunner(options);
  api.describe('dialogue scripts', () => {
    api.afterAll(() => runner.dispose());
    for (const file of files) {
      api.it(
        basename(file),
        async () => {
          const report = await runner.runFile(file);
          if (!scriptPassed(report)) {
            throw new Error(formatScript(report, { failuresOnly: true }).join('\n'));
          }
        },
        options.timeout ?? 120_000,
      );
    }
  });
}
