import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { AskOptions } from './ask-action.js';

/** `convrec ask "<request>"`: one turn, printed as text or JSON, for shell scripts and CI. */
export function registerAskCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('ask')
    .description(
      'ask once and print the answer (--json for the whole result); --session continues a conversation',
    )
    .argument('<request...>', 'what you are looking for, in your own words ("-" reads standard input)')
    .option('--json', 'print the turn result as JSON (recommendations, reasons, usage, timings)')
    .option('--session <id>', 'continue a saved conversation (its id is printed after every answer)')
    .option('--more', 'the next results for the conversation’s latest request (with --session)')
    .option('--user <name>', 'whose profile to use (default: the session’s owner, else your OS user name)')
    .option('--catalog <file>', 'catalog file (default: the bundled demo catalog)')
    .option('--mapping <file>', 'field mapping (and concept lexicon) for --catalog, as for convrec index')
    .option('--index-dir <dir>', 'index directory (built when missing or stale)')
    .option('--log <file>', 'interaction log for collaborative signals')
    .option('--model <id>', 'chat model (default: CONVREC_MODEL)')
    .option('--offline', 'do not use an LLM even when one is configured')
    .option('--reranking <strategy>', 'one-pass or sliding-window', 'one-pass')
    .option(
      '--profile-db <file|url>',
      'SQLite file or postgres:// URL for profiles and sessions (default: CONVREC_PROFILE_DB)',
    )
    .option('-k, --k <n>', 'how many recommendations', '5')
    .addHelpText(
      'after',
      `
Examples:
  convrec ask "something like Alien but funnier" --json | jq '.recommendations[].item.title'
  convrec ask "a heist movie after 2000"            # prints a session id on stderr
  convrec ask --session <id> "not that one, something older"
  echo "a quiet drama" | convrec ask - --offline

Exit code 0 when the turn answered (possibly degraded to offline; see "degraded" in the JSON),
1 on an error (bad catalog, unknown session, bad option), 130 when interrupted.`,
    )
    .action(async (words: string[], options: AskOptions) => {
      // Loaded on demand: --help and other commands never load the agent.
      const { runAsk } = await import('./ask-action.js');
      await runAsk(words, options, config);
    });
}
