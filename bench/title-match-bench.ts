/**
 * Why the title finder has its own fuzzy index: a span of a message against every title key of
 * ReDial's catalog, with fuse.js (what `TitleResolver` uses for one loose title) and with the
 * character-trigram index (`FuzzyTitleIndex`), timed interleaved over several rounds. Also the
 * offline reader's time per message on ReDial test user messages. Prints JSON.
 */
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import Fuse from 'fuse.js';
import { loadCatalog } from '../src/catalog/index.js';
import { loadEvalTurns } from '../src/eval/redial-dataset.js';
import { openOrBuildIndex } from '../src/index-store/index.js';
import { FuzzyTitleIndex } from '../src/titles/fuzzy-title-index.js';
import { TitleResolver } from '../src/titles/title-resolver.js';
import { createOfflineReader } from '../src/understanding/offline/index.js';
import { redialAvailable } from './redial-bench.js';

const program = new Command()
  .name('bench:titles')
  .description('fuzzy title matching per span (fuse.js vs the trigram index) and reader time per message')
  .option('--data <dir>', 'ReDial folder', process.env.CONVREC_DATA_DIR ?? '../shared/data/redial')
  .option('--rounds <n>', 'interleaved rounds', '5')
  .option('--messages <n>', 'ReDial test user messages to read', '2000');

/** Spans as the finder tries them: misspelled titles, and ordinary words that are no title. */
const spans = [
  'the shawshenk redemption',
  'pulp fction',
  'jurassicpark',
  'the dark night',
  'no country for old man',
  'monster inc',
  'something scary tonight',
  'my kids love cartoons',
  'i liked it a lot',
  'harry poter',
];

function microseconds(run: (span: string) => unknown, repeat: number): number {
  const started = performance.now();
  for (let round = 0; round < repeat; round++) for (const span of spans) run(span);
  return ((performance.now() - started) * 1000) / (repeat * spans.length);
}

async function main(): Promise<void> {
  const options = program.parse().opts<{ data: string; rounds: string; messages: string }>();
  const dataDir = resolve(options.data);
  const missing = redialAvailable(dataDir);
  if (missing) throw new Error(`ReDial data not found (${missing}): pass --data`);
  const catalog = await loadCatalog(join(dataDir, 'catalog.json'));
  const resolver = new TitleResolver(catalog);
  const entries = [...resolver.titleEntries()];
  const trigrams = new FuzzyTitleIndex(entries);
  const fuse = new Fuse(
    entries.map(([key]) => ({ key })),
    { keys: ['key'], includeScore: true, threshold: 0.34, ignoreLocation: true },
  );
  const rounds = Math.max(1, Number(options.rounds));
  const trigramUs: number[] = [];
  const fuseUs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    trigramUs.push(microseconds((span) => trigrams.closest(span), 200));
    fuseUs.push(microseconds((span) => fuse.search(span, { limit: 1 }), 3));
  }

  const { components } = await openOrBuildIndex({
    catalog,
    directory: join(process.cwd(), '.convrec', 'indexes', 'redial'),
  });
  const reader = createOfflineReader(components, { currentYear: 2026 });
  const turns = await loadEvalTurns(join(dataDir, 'test_rec_turns.jsonl'));
  const messages = [
    ...new Set(turns.flatMap((turn) => turn.context.filter((m) => m.role === 'user').map((m) => m.text))),
  ].slice(0, Math.max(1, Number(options.messages)));
  const context = { lastShown: [], hasRequest: false, answered: false };
  for (const text of messages.slice(0, 100)) reader.read(`${text} `, context); // warm-up
  const readMs: number[] = [];
  for (const text of messages) {
    const started = performance.now();
    reader.read(text, context);
    readMs.push(performance.now() - started);
  }
  readMs.sort((left, right) => left - right);
  const range = (values: number[]) =>
    [Math.min(...values), Math.max(...values)].map((v) => Number(v.toFixed(1)));
  const at = (share: number) => Number(readMs[Math.floor(share * (readMs.length - 1))]!.toFixed(2));
  const report = {
    titleKeys: entries.length,
    spansPerRound: spans.length,
    rounds,
    fuzzySpanMicroseconds: { trigramIndex: range(trigramUs), fuseJs: range(fuseUs) },
    readerPerMessageMs: { messages: messages.length, p50: at(0.5), p95: at(0.95), max: at(1) },
    note: 'ranges are min–max over interleaved rounds; reader times are first reads (no cache), catalog and index loading excluded',
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
