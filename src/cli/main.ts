#!/usr/bin/env node
import { inspect } from 'node:util';
import { Command, CommanderError } from 'commander';
import type { ConvrecConfig } from '../config/load-config.js';
import { registerAskCommand } from './commands/ask-command.js';
import { registerEvalPlotCommand } from './commands/eval-plot-command.js';
import { registerEvalUnderstandingCommand } from './commands/eval-understanding-command.js';
import { registerIndexCommand } from './commands/index-command.js';
import { registerSearchCommand } from './commands/search-command.js';
import { registerTestCommand } from './commands/test-command.js';
import { registerStartCommand } from './commands/start-command.js';
import { errorLine } from './error-text.js';
import { invokedCommand, registerDeferredCommand } from './deferred-commands.js';
import { displayText } from '../untrusted/index.js';

// Every command loads its dependencies in its action, so `--help` and a mistyped option stay fast.
const debug = process.argv.includes('--debug');
let loadConfig: (() => ConvrecConfig) | undefined;
let config: ConvrecConfig | undefined;
const getConfig = (): ConvrecConfig => {
  if (!loadConfig) throw new Error('the configuration is read only inside a command');
  return (config ??= loadConfig());
};
const invoked = invokedCommand(process.argv.slice(2));

const program = new Command()
  .name('convrec')
  .description(
    'Conversational recommendations over your own catalog. Offline unless an OpenAI-compatible endpoint is configured.',
  )
  .option('--debug', 'show stack traces on errors')
  // Usage errors quote what was typed ("unknown option '…'"): printed without its controls.
  .configureOutput({ outputError: (text, write) => write(displayText(text, { maxLength: 2000 })) })
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText(
    'after',
    `
Environment:
  CONVREC_CATALOG       default catalog file (otherwise the bundled demo catalog)
  CONVREC_INDEX_DIR     where indexes are kept (one folder per catalog)
  CONVREC_DATA_DIR      ReDial folder for eval/bench (default ../shared/data/redial)
  OPENAI_API_KEY, OPENAI_BASE_URL, CONVREC_EMBEDDING_MODEL, CONVREC_EMBEDDING_DIMENSIONS
                        use an OpenAI-compatible endpoint for embeddings (default: offline LSA embedder)

Examples:
  convrec chat                              chat about movies (also: convrec, npm start)
  convrec chat --user ann --offline         ann's profile, no LLM
  convrec ask "something like Alien" --json   one answer as JSON, for scripts
  convrec search "something like Heat" -k 10
  convrec index my-catalog.csv --log sessions.jsonl
  convrec eval --split valid
  convrec eval --catalog items.jsonl --turns turns.jsonl --log sessions.jsonl
  convrec simulate --split test --limit 500   simulated users with a hidden target
  convrec test examples/dialogues/*.yaml     run scripted dialogue tests`,
  )
  .hook('preAction', async () => {
    ({ loadConfig } = await import('../config/load-config.js'));
  });

registerStartCommand(program, getConfig);
registerAskCommand(program, getConfig);
registerIndexCommand(program, getConfig);
registerSearchCommand(program, getConfig);
await registerDeferredCommand(program, 'eval', invoked, getConfig);
registerEvalPlotCommand(program);
registerEvalUnderstandingCommand(program, getConfig);
await registerDeferredCommand(program, 'simulate', invoked, getConfig);
registerTestCommand(program, getConfig);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  // Messages quote file contents and input: printed without controls, and cut short.
  console.error(debug ? displayText(inspect(error)) : errorLine(error));
  process.exitCode = 1;
}
