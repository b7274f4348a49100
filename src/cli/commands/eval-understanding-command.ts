import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { EvalUnderstandingOptions } from './eval-understanding-action.js';

/** `convrec eval-understanding`: the labelled understanding benchmark. */
export function registerEvalUnderstandingCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('eval-understanding')
    .description(
      'score the offline reader on the labelled understanding benchmark (per phenomenon and field)',
    )
    .option(
      '--split <split>',
      `test (report here), train (the intent model learns here), dev (develop here), holdout (written apart, late), fresh (written apart; then developed against), fresh2 (written apart; then developed against), fresh3 (written apart, other crowds' styles; then developed against), fresh4 (written apart, latest, other crowds' styles) or all`,
      'test',
    )
    .option('--file <jsonl>', 'a benchmark file of your own instead (same format)')
    .option('--failures', 'list every utterance that is not fully right, with the fields that differ')
    .option('--json', 'print the whole report as JSON')
    .option('--out <file>', 'also write the JSON report here')
    .option('--current-year <year>', 'the year "the last ten years" counts back from', '2026')
    .option('--intent <reader>', 'model (the trained classifier, default) or rules', 'model')
    .addHelpText(
      'after',
      '\nThe benchmark is test/fixtures/understanding/{test,train,dev,holdout,fresh,fresh2,fresh3,fresh4}.jsonl over the bundled demo catalog;\nits README is the labelling guide. A field left out of a label must be empty, so extra constraints count as wrong.',
    )
    .action(async (options: EvalUnderstandingOptions) => {
      // Loaded on demand: --help and other commands never load the reader.
      const { runEvalUnderstanding } = await import('./eval-understanding-action.js');
      await runEvalUnderstanding(options, config);
    });
}
