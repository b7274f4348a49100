import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { DialogueMessage } from '../../dialogue/dialogue-message.js';
import { describeSources, formatCard } from '../describe-candidate.js';
import { openFromOptions, type CatalogCliOptions } from '../open-from-options.js';

const help = `Type what you feel like watching, e.g. "something like Heat but less violent" or
"a funny animated movie". Titles you name are recognised; say what you did not like too.
  /reset  start over      /help  this text      /quit  leave (or Ctrl-D)`;

/**
 * `convrec` / `convrec start`: retrieval over a catalog, one request per line. Offline and
 * LLM-free for now; the full chat agent replaces this loop.
 */
export function registerStartCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('start', { isDefault: true })
    .description('ask for recommendations from the bundled demo catalog (or --catalog), line by line')
    .option('--catalog <file>', 'catalog file (default: the bundled demo catalog)')
    .option('--index-dir <dir>', 'index directory (built when missing or stale)')
    .option('--log <file>', 'interaction log for collaborative signals')
    .option('-k, --k <n>', 'how many recommendations per turn', '5')
    .action(async (options: CatalogCliOptions & { k: string }) => {
      const k = Math.max(1, Number(options.k) || 5);
      const opened = await openFromOptions(options, config());
      const { retriever, catalog, manifest } = opened;
      console.log(
        `convrec — ${catalog.items.length} items from ${opened.catalogPath} (${manifest.embedder.provider} embeddings, offline mode: no LLM)`,
      );
      console.log(help);
      const input = createInterface({
        input: process.stdin,
        output: process.stdout,
        terminal: process.stdin.isTTY === true,
      });
      let messages: DialogueMessage[] = [];
      let shown = new Set<string>();
      const prompt = () => process.stdout.write('\nyou › ');
      prompt();
      try {
        // The async iterator buffers lines, so piped input is never dropped while a turn runs.
        for await (const raw of input) {
          const line = raw.trim();
          if (!line) {
            prompt();
            continue;
          }
          if (line === '/quit' || line === '/exit') break;
          if (line === '/help') {
            console.log(help);
            prompt();
            continue;
          }
          if (line === '/reset') {
            messages = [];
            shown = new Set();
            console.log('Started over.');
            prompt();
            continue;
          }
          messages.push({ role: 'user', text: line });
          const { request, mentions } = retriever.readDialogue(messages, { topicShift: true });
          const candidates = await retriever.retrieve({
            ...request,
            excludeSeen: true,
            filters: { excludeIds: [...shown] },
            k,
          });
          const named = mentions.filter((mention) => mention.role === 'user');
          if (named.length > 0)
            console.log(
              `(recognised: ${named.map((mention) => `${mention.title} — ${mention.sentiment}`).join('; ')})`,
            );
          if (candidates.length === 0) {
            console.log('I have nothing new that fits; try /reset or different words.');
            prompt();
            continue;
          }
          candidates.forEach((candidate, index) => {
            console.log(formatCard(candidate, index));
            console.log(`   ${describeSources(candidate)}`);
            shown.add(candidate.item.id);
          });
          messages.push({
            role: 'assistant',
            text: `How about ${candidates.map((candidate) => candidate.item.title).join(', ')}?`,
          });
        }
      } finally {
        input.close();
      }
    });
}
