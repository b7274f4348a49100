import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createRecommender } from '../../agent/index.js';
import type { ConvrecConfig } from '../../config/load-config.js';
import { chatHeader, runLineChat } from '../chat/index.js';
import { describeMode, openAgent, type AgentCliOptions } from '../open-agent.js';
import { openFromOptions, type CatalogCliOptions } from '../open-from-options.js';

type ChatCliOptions = CatalogCliOptions & AgentCliOptions & { user?: string };

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
      const settings = config();
      const debug = (command.optsWithGlobals() as { debug?: boolean }).debug === true;
      // The index is built (with its progress bar on stderr) before the chat takes the screen.
      const opened = await openFromOptions(options, settings);
      const recommender = await openAgent(opened.retriever, settings, options);
      const userId = options.user ?? userInfo().username;
      const mode = describeMode(recommender, settings);
      const items = opened.catalog.items.length;
      const goOffline = () =>
        createRecommender({
          retriever: recommender.retriever,
          profileStore: recommender.profileStore,
          k: options.k === undefined ? 5 : Number(options.k),
          limits: recommender.limits,
        });
      const shared = { recommender, userId, goOffline, ...(debug ? { debug } : {}) };
      try {
        if (process.stdin.isTTY && process.stdout.isTTY) {
          // Loaded only here: piped chats and scripts never pay for React.
          const { runInkChat } = await import('../chat/run-ink-chat.js');
          await runInkChat({
            ...shared,
            header: chatHeader({ catalogPath: opened.catalogPath, itemCount: items, mode, userId }),
          });
        } else {
          await runLineChat({
            ...shared,
            banner: `convrec — ${items} items from ${opened.catalogPath} · ${mode} · user ${userId}`,
            input: process.stdin,
            output: process.stdout,
          });
        }
      } finally {
        await recommender.close();
      }
    });
}
