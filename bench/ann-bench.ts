/**
 * `npm run bench:ann`: HNSW against a fair exact scan, at ReDial size and on a synthetic catalog.
 * Recall@10 per query kind and latency per efSearch (the recall/latency curve), and the smallest
 * efSearch reaching the recall target on text queries. Indexes are cached between runs.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { itemText, loadCatalog, parseCatalog, type Catalog } from '../src/catalog/index.js';
import { readDialogue } from '../src/dialogue/read-dialogue.js';
import { seededRandom } from '../src/embeddings/offline/seeded-random.js';
import { OfflineEmbedder } from '../src/embeddings/offline/offline-embedder.js';
import { loadEvalTurns } from '../src/eval/redial-dataset.js';
import { HnswIndex, hnswParametersFor, openOrBuildIndex } from '../src/index-store/index.js';
import { Retriever } from '../src/retrieval/index.js';
import { measureHnswQuality, type QualityReport } from './hnsw-quality.js';
import { machineInfo, progress, timed } from './report.js';
import { generateCatalog, generateQueries, shuffled, wordSource } from './synthetic-catalog.js';

const recallTarget = 0.99;
const speedupTarget = 20;

function count(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return parsed;
}

function countList(value: string): number[] {
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.some((part) => !Number.isInteger(part) || part <= 0))
    throw new InvalidArgumentError('expected comma-separated positive whole numbers');
  return parts;
}

const program = new Command('bench:ann')
  .description(
    'HNSW vs an exact typed-array top-k scan, timed query by query: recall@10 for text queries and item vectors, and an efSearch sweep',
  )
  .option('--data <dir>', 'ReDial data folder', '../shared/data/redial')
  .option('--items <n>', 'synthetic catalog size; 0 skips it', count, 100_000)
  .option('--no-redial', 'skip the ReDial part')
  .option('--texts <n>', 'embedded text queries per catalog', count, 500)
  .option('--item-vectors <n>', 'stored item vectors used as queries per catalog', count, 250)
  .option(
    '--sweep <list>',
    'efSearch values',
    countList,
    [16, 32, 64, 128, 192, 256, 384, 512, 768, 1024, 1536],
  )
  .option('--fit-sample <n>', 'synthetic items the offline embedder is fitted on', count, 10_000)
  .option('--seed <n>', 'seed of the synthetic catalog and of query sampling', count, 7)
  .option('--hnsw-m <n>', 'HNSW M of the synthetic index (default: hnswParametersFor its size)', count)
  .option('--hnsw-ef-construction <n>', 'HNSW efConstruction of the synthetic index (same default)', count)
  .option('--cache <dir>', 'where the built indexes are kept between runs', '.convrec/bench-ann')
  .option('--out <file>', 'also write the JSON report here');

interface Options {
  data: string;
  items: number;
  redial: boolean;
  texts: number;
  itemVectors: number;
  sweep: number[];
  fitSample: number;
  seed: number;
  hnswM?: number;
  hnswEfConstruction?: number;
  cache: string;
  out?: string;
}

/** Embedded texts (zero vectors dropped) and random stored item vectors, as quality queries. */
async function qualityQueries(
  index: HnswIndex,
  embedder: { embed(texts: string[]): Promise<number[][]> },
  texts: string[],
  options: Options,
) {
  const random = seededRandom(options.seed);
  const textVectors = (await embedder.embed(shuffled([...new Set(texts)], random)))
    .filter((vector) => vector.some((value) => value !== 0))
    .slice(0, options.texts);
  const positions = shuffled(
    Array.from({ length: index.size }, (_, position) => position),
    random,
  ).slice(0, options.itemVectors);
  return {
    vectors: [...positions.map((position) => index.vectorAt(position)), ...textVectors],
    itemVectors: positions.length,
    texts: textVectors.length,
  };
}

async function redialPart(options: Options, catalog: Catalog): Promise<QualityReport> {
  const dataDir = resolve(options.data);
  const { components } = await openOrBuildIndex({
    catalog,
    directory: join(options.cache, 'redial'),
    onRebuild: (reason) => progress(`ReDial: building the index (${reason})`),
  });
  const retriever = new Retriever(components);
  const turns = await loadEvalTurns(join(dataDir, 'test_rec_turns.jsonl'), options.texts * 2);
  const texts = turns.flatMap((turn) => readDialogue(retriever, turn.context).request.queries);
  const queries = await qualityQueries(components.vectors, components.embedder, texts, options);
  return measureHnswQuality({
    label: 'ReDial',
    index: components.vectors,
    queries,
    recallTarget,
    sweep: options.sweep,
  });
}

interface SyntheticCache {
  items: number;
  seed: number;
  fitSample: number;
  buildMs: number;
}

async function syntheticPart(options: Options, redial: Catalog | undefined) {
  const { items, seed } = options;
  const parameters = {
    ...hnswParametersFor(items),
    ...(options.hnswM ? { m: options.hnswM } : {}),
    ...(options.hnswEfConstruction ? { efConstruction: options.hnswEfConstruction } : {}),
  };
  const defaults = hnswParametersFor(items);
  // A graph built with other parameters is cached apart from the default one.
  const variant =
    parameters.m === defaults.m && parameters.efConstruction === defaults.efConstruction
      ? ''
      : `-m${parameters.m}-efc${parameters.efConstruction}`;
  const directory = join(options.cache, `synthetic-${items}-${seed}${variant}`);
  const data = generateCatalog(items, wordSource(redial, seededRandom(seed)), seed);
  const catalog = parseCatalog(data.jsonl, 'synthetic.jsonl');
  data.jsonl = '';
  const metaFile = join(directory, 'bench-ann.json');
  let cache: SyntheticCache | undefined;
  if (existsSync(metaFile)) cache = JSON.parse(await readFile(metaFile, 'utf8')) as SyntheticCache;
  let index: HnswIndex;
  let embedder: OfflineEmbedder;
  if (cache && cache.items === items && cache.seed === seed && cache.fitSample === options.fitSample) {
    progress(`synthetic: reusing the index in ${directory}`);
    embedder = await OfflineEmbedder.load(directory);
    index = await HnswIndex.load(directory, embedder.dimensions, parameters);
  } else {
    const random = seededRandom(seed + 3);
    const sample = shuffled(catalog.items, random)
      .slice(0, Math.min(options.fitSample, items))
      .map((item) => itemText(item, catalog.mapping));
    progress(`synthetic: fitting the embedder on ${sample.length} items, embedding ${items}, building HNSW`);
    const built = await timed(async () => {
      const fitted = OfflineEmbedder.fit(sample);
      const vectors = await fitted.embed(catalog.items.map((item) => itemText(item, catalog.mapping)));
      let reported = Date.now();
      const graph = HnswIndex.build(vectors, fitted.dimensions, parameters, (done, total) => {
        if (Date.now() - reported < 15_000) return;
        reported = Date.now();
        progress(`synthetic: graph ${done}/${total}`);
      });
      return { fitted, graph };
    });
    embedder = built.value.fitted;
    index = built.value.graph;
    await mkdir(directory, { recursive: true });
    await index.save(directory);
    await embedder.save(directory);
    const meta: SyntheticCache = { items, seed, fitSample: options.fitSample, buildMs: Math.round(built.ms) };
    await writeFile(metaFile, JSON.stringify(meta));
    progress(`synthetic: built in ${Math.round(built.ms)} ms`);
  }
  const requests = generateQueries(catalog, data, options.texts * 3, seed + 2);
  const texts = requests.flatMap((request) => request.queries);
  const queries = await qualityQueries(index, embedder, texts, options);
  return measureHnswQuality({
    label: `synthetic ${items}`,
    index,
    queries,
    recallTarget,
    speedupTarget,
    sweep: options.sweep,
  });
}

async function main(): Promise<void> {
  const options = program.parse().opts<Options>();
  // The synthetic catalog draws its words from ReDial's when present (also with --no-redial, so a
  // cached synthetic index stays the same catalog).
  const catalogFile = join(resolve(options.data), 'catalog.json');
  const redialCatalog = existsSync(catalogFile) ? await loadCatalog(catalogFile) : undefined;
  if (options.redial && !redialCatalog)
    throw new Error(`no ReDial catalog at ${catalogFile} (or pass --no-redial)`);
  const redial = options.redial && redialCatalog ? await redialPart(options, redialCatalog) : undefined;
  const synthetic = options.items > 0 ? await syntheticPart(options, redialCatalog) : undefined;
  const report = {
    generatedAt: new Date().toISOString(),
    options,
    machine: machineInfo(),
    targets: { recallTextsAt10: recallTarget, speedupAt100k: speedupTarget, hnswP95Ms: 2 },
    redial,
    synthetic,
  };
  const json = JSON.stringify(report, null, 2);
  process.stdout.write(`${json}\n`);
  if (options.out) {
    await mkdir(resolve(options.out, '..'), { recursive: true });
    await writeFile(options.out, `${json}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
