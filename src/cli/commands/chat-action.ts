import { userInfo } from 'node:os';
import { createRecommender } from '../../agent/index.js';
import type { ConvrecConfig } from '../../config/load-config.js';
import { chatHeader, runLineChat } from '../chat/index.js';
import { describeMode, openAgent, type AgentCliOptions } from '../open-agent.js';
import { openFromOptions, type CatalogCliOptions } from '../open-from-options.js';

/** Options of `convrec chat`. */
export type ChatCliOptions = CatalogCliOptions & AgentCliOptions & { user?: string };

/**
 * Opens the catalog and agent, then runs the ink chat on a terminal or the line chat when input is
 * piped; `debug` shows stack traces in the chat.
 */
export async function runChat(
  options: ChatCliOptions,
  config: () => ConvrecConfig,
  debug: boolean,
): Promise<void> {
  const settings = config();
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
}
