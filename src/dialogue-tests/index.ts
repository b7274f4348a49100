/** Scripted dialogue tests: YAML/JSON scripts of turns and expectations, run by `convrec test` or a test suite. */
export {
  createDialogueRunner,
  scriptPassed,
  summarize,
  type DialogueRunner,
  type DialogueRunnerOptions,
} from './dialogue-runner.js';
export { describeDialogues, type DialogueSuiteOptions, type TestApi } from './dialogue-suite.js';
export { formatOutcome, formatReport, formatScript, formatSummary } from './format-report.js';
export { loadDialogueScript, parseDialogueScript, type LoadedScript } from './load-script.js';
export { runDialogueScript, type RunScriptOptions } from './run-script.js';
export { DialogueScriptError, type ScriptLocation } from './script-error.js';
export {
  dialogueScriptSchema,
  type DialogueScript,
  type DialogueSession,
  type DialogueTurn,
} from './script-schema.js';
export { expectationsSchema, type Expectations, type ItemRef } from './expectations-schema.js';
export type { DialogueReport, ExpectationOutcome, OutcomeStatus, ScriptReport } from './report-types.js';
export { findDialogueScripts } from './script-files.js';
