/**
 * Programmatic recommendation: open the demo catalog, ask once, then ask for more, print the results.
 *
 *   npx tsx examples/recommend.ts "a heist movie like Heat"
 *
 * Uses an LLM when one is configured (OPENAI_API_KEY, or OPENAI_BASE_URL with CONVREC_MODEL) and runs
 * offline otherwise. The index is built on first use in CONVREC_INDEX_DIR (default: a folder in the
 * system temp directory) and reused after that.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRecommender, loadConfig, openRetriever, type TurnResult } from 'convrec';
import { configuredModel } from './configured-model.js';

const request = process.argv.slice(2).join(' ').trim() || 'a heist movie like Heat';

const config = loadConfig();
const { model } = configuredModel(config);
const catalog = fileURLToPath(new URL('./catalogs/movies.jsonl', import.meta.url));
const indexDirectory = join(config.indexDirectory ?? join(tmpdir(), 'convrec-examples'), 'movies');

const { retriever, built } = await openRetriever({
  catalog,
  indexDirectory,
  onRebuild: (reason) => console.log(`Building the index in ${indexDirectory} (${reason})…`),
});
if (built) console.log(`Index ready: ${retriever.catalog.items.length} movies.\n`);

const recommender = await createRecommender({ retriever, ...(model ? { model } : {}) });
console.log(`Mode: ${recommender.modelLabel}\n`);

const session = recommender.session({ userId: 'example-user' });
console.log(`> ${request}`);
printResult(await session.send(request).result());
// The next results for the same request, leaving out everything shown so far.
console.log('> (more)');
printResult(await session.more().result());
await recommender.close();

function printResult(result: TurnResult): void {
  console.log(result.reply);
  result.recommendations.forEach(({ item, reason }, index) => {
    const year = item.year === undefined ? '' : ` (${item.year})`;
    console.log(`${index + 1}. ${item.title}${year} — ${item.genres.slice(0, 3).join(', ')}`);
    console.log(`   ${reason}`);
  });
  for (const degradation of result.degraded) console.log(`note: ${degradation.message}`);
  const { llmCalls, inputTokens, outputTokens } = result.usage;
  const cost =
    result.mode === 'offline' ? 'offline' : `${llmCalls} LLM calls, ${inputTokens}+${outputTokens} tokens`;
  console.log(`(${cost}, ${result.timings.totalMs.toFixed(0)} ms)\n`);
}
