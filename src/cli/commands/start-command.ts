import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { ChatCliOptions } from './chat-action.js';

/**
 * `convrec chat` (also `convrec start`, and `convrec` alone): the ink chat on a terminal, a
 * line-by-line chat when input is piped.
 */
export function registerStartCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('chat', { isDefault: true })
    .alias('start')
    .description('chat for recommendations over the bundled demo catalog (or --catalog)')
    .option('--catalog <file>', 'catalog file (default: the bundled demo catalog)')
    .option('--mapping <file>', 'field mapping (and concept lexicon) for --catalog, as for convrec index')
    .option('--index-dir <dir>', 'index directory (built when missing or stale)')
    .option('--log <file>', 'interaction log for collaborative signals')
    .option('--user <name>', 'whose profile to use (default: your OS user name)')
    .option('--model <id>', 'chat model (default: CONVREC_MODEL)')
    .option('--offline', 'do not use an LLM even when one is configured')
    .option('--reranking <strategy>', 'one-pass or sliding-window', 'one-pass')
    .option(
      '--profile-db <file|url>',
      'SQLite file or postgres:// URL for profiles (default: CONVREC_PROFILE_DB or ~/.local/share/convrec)',
    )
    .option('-k, --k <n>', 'recommendations per turn', '5')
    .action(async (options: ChatCliOptions, command: Command) => {
      const debug = (command.optsWithGlobals() as { debug?: boolean }).debug === true;
      // Loaded on demand: --help and other commands never load the agent or the chat.
      const { runChat } = await import('./chat-action.js');
      await runChat(options, config, debug);
    });
}
