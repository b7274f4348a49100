import { itemText, parseCatalog, type Catalog } from '../catalog/index.js';
import { seededRandom } from '../embeddings/offline/seeded-random.js';
import { OfflineEmbedder } from '../embeddings/offline/offline-embedder.js';
import { buildIndex, openIndex, saveIndex } from '../index-store/index.js';
import { Retriever } from '../retrieval/retriever.js';
import { measureHnswQuality, type QualityReport } from './hnsw-quality.js';
import {
  atMost,
  collectGarbage,
  info,
  megabytes,
  now,
  progress,
  round,
  summarizeLatencies,
  timed,
  type Figure,
  type LatencySummary,
} from './report.js';
import { profileRetrieval, type ComponentProfile } from './retrieval-profile.js';
import { dominantStage, StageTimer } from './stage-timer.js';
import {
  generateCatalog,
  generateLog,
  generateQueries,
  shuffled,
  wordSource,
  type SyntheticQuery,
} from './synthetic-catalog.js';

export const syntheticTargets = { retrievalP95Ms: 30, rssMb: 800, recall: 0.99, speedup: 50 };

export interface SyntheticBenchOptions {
  items: number;
  fitSample: number;
  queries: number;
  warmupQueries: number;
  qualityQueries: number;
  sweep: number[];
  directory: string;
  seed: number;
  /** The ReDial catalog, whose plots, genres and people feed the generator when present. */
  redial?: Catalog;
}

export interface SyntheticReport {
  items: number;
  generator: {
    words: 'redial-plots' | 'builtin';
    vocabularySize: number;
    genres: number;
    peoplePool: number;
    seed: number;
    catalogBytes: number;
    logSessions: number;
    generateMs: number;
    parseCatalogMs: number;
    example: string;
  };
  build: {
    buildMs: Figure;
    embedderFitMs: number;
    embedderFitSample: number;
    buildIndexMs: number;
    saveIndexMs: number;
    stagesMs: Record<string, number>;
    dominantStage: { stage: string; ms: number; share: number };
    note: string;
  };
  openIndexMs: Figure;
  retrieval: {
    queries: number;
    warmupQueries: number;
    k: number;
    mix: { textOnly: number; likedOnly: number; both: number };
    latency: LatencySummary;
    p95Ms: Figure;
    p50Ms: Figure;
    meanMs: Figure;
    profile: ComponentProfile;
  };
  memory: {
    rssMb: Figure;
    note: string;
    heapUsedMb: number;
    externalMb: number;
    rssAfterGcMb?: number;
    heapUsedAfterGcMb?: number;
    /** Memory after a forced GC at points of the synthetic run (live data vs garbage). */
    checkpointsAfterGc: Record<string, { rssMb: number; heapUsedMb: number; externalMb: number }>;
  };
  hnswQuality: QualityReport;
}

async function timeQueries(retriever: Retriever, queries: SyntheticQuery[]): Promise<number[]> {
  const latencies: number[] = [];
  for (const query of queries) {
    const started = now();
    await retriever.retrieve({ queries: query.queries, likedIds: query.likedIds, k: 100 });
    latencies.push(now() - started);
  }
  return latencies;
}

/** Synthetic catalog parts: generate, build with a sample-fitted embedder, time retrieval, memory, HNSW quality. */
export async function benchSynthetic(options: SyntheticBenchOptions): Promise<SyntheticReport> {
  const { items: count, directory, seed } = options;
  const source = wordSource(options.redial, seededRandom(seed));
  progress(
    `synthetic: generating ${count} items (words from ${source.kind}, ${source.vocabularySize} distinct tokens)`,
  );
  const checkpoints: Record<string, { rssMb: number; heapUsedMb: number; externalMb: number }> = {};
  const checkpoint = (name: string) => {
    collectGarbage();
    const usage = process.memoryUsage();
    checkpoints[name] = {
      rssMb: megabytes(usage.rss),
      heapUsedMb: megabytes(usage.heapUsed),
      externalMb: megabytes(usage.external),
    };
  };
  checkpoint('beforeSynthetic');
  const generated = await timed(() => generateCatalog(count, source, seed));
  const data = generated.value;
  const catalogBytes = Buffer.byteLength(data.jsonl);
  const parsed = await timed(() => parseCatalog(data.jsonl, 'synthetic.jsonl'));
  data.jsonl = '';
  const catalog = parsed.value;
  const log = generateLog(catalog, data, Math.max(100, Math.round(count / 5)), seed + 1);
  checkpoint('catalogAndLogInMemory');
  const example = itemText(catalog.items[0]!, catalog.mapping);
  progress(
    `synthetic: ${catalog.items.length} items parsed in ${Math.round(parsed.ms)} ms (${megabytes(catalogBytes)} MB JSONL), ${log.sessions.length} log sessions`,
  );

  // Build: embedder fitted on a sample, then buildIndex with it, then saveIndex.
  const random = seededRandom(seed + 3);
  const sample = shuffled(catalog.items, random)
    .slice(0, Math.min(options.fitSample, catalog.items.length))
    .map((item) => itemText(item, catalog.mapping));
  progress(`synthetic: fitting the offline embedder on ${sample.length} items`);
  const fit = await timed(() => OfflineEmbedder.fit(sample));
  const embedder = fit.value;
  progress(`synthetic: embedder fitted in ${Math.round(fit.ms)} ms; building the index`);
  const timer = new StageTimer();
  const buildStarted = now();
  let lastGraphReport = now();
  let built: Awaited<ReturnType<typeof buildIndex>> | undefined = await buildIndex({
    catalog,
    embedder,
    log,
    onProgress: (event) => {
      timer.onProgress(event);
      if (event.stage === 'graph' && event.done !== undefined && now() - lastGraphReport > 15_000) {
        lastGraphReport = now();
        progress(`synthetic: graph ${event.done}/${event.total}`);
      }
    },
  });
  const buildIndexMs = now() - buildStarted;
  timer.mark('writing');
  await saveIndex(built, directory);
  const buildEnded = now();
  const stagesMs = { embedderFitSample: round(fit.ms), ...timer.finish(buildEnded) };
  checkpoint('builtIndexInMemory');
  built = undefined;
  const buildMs = fit.ms + (buildEnded - buildStarted);
  progress(`synthetic: built and saved in ${Math.round(buildMs)} ms ${JSON.stringify(stagesMs)}`);

  // Serve from the saved index, as a fresh process would.
  checkpoint('builtIndexDropped');
  const opened = await timed(() => openIndex({ catalog, directory, log }));
  checkpoint('openedIndex');
  const { components } = opened.value;
  progress(`synthetic: openIndex in ${Math.round(opened.ms)} ms`);

  const requests = generateQueries(catalog, data, options.queries + options.warmupQueries, seed + 2);
  const warmup = requests.slice(0, options.warmupQueries);
  const measuredQueries = requests.slice(options.warmupQueries);
  progress(
    `synthetic: warming up on ${warmup.length} queries, then timing ${measuredQueries.length} (k=100)`,
  );
  await timeQueries(new Retriever(components), warmup);
  const retriever = new Retriever(components);
  const latency = summarizeLatencies(await timeQueries(retriever, measuredQueries));
  const memory = process.memoryUsage();
  progress(
    `synthetic: retrieval p50 ${latency.p50Ms} ms, p95 ${latency.p95Ms} ms; RSS ${megabytes(memory.rss)} MB`,
  );
  const profile = await profileRetrieval(retriever, measuredQueries);
  progress(`synthetic: per-signal mean ms ${JSON.stringify(profile.meanMsPerRequest)}`);
  const gcRan = collectGarbage();
  const afterGc = process.memoryUsage();
  checkpoint('afterRetrieval');

  // HNSW quality: stored item vectors plus embedded query texts.
  const textWanted = Math.floor(options.qualityQueries / 2);
  const texts = [...new Set(requests.flatMap((request) => request.queries))];
  const textVectors = (await components.embedder.embed(shuffled(texts, random)))
    .filter((vector) => vector.some((value) => value !== 0))
    .slice(0, textWanted);
  const positions = shuffled(
    Array.from({ length: components.vectors.size }, (_, position) => position),
    random,
  ).slice(0, options.qualityQueries - textVectors.length);
  const hnswQuality = await measureHnswQuality({
    label: 'synthetic',
    index: components.vectors,
    directory,
    queries: {
      vectors: [...positions.map((position) => components.vectors.vectorAt(position)), ...textVectors],
      itemVectors: positions.length,
      texts: textVectors.length,
    },
    recallTarget: syntheticTargets.recall,
    speedupTarget: syntheticTargets.speedup,
    sweep: options.sweep,
  });

  const countBy = (test: (query: SyntheticQuery) => boolean) => measuredQueries.filter(test).length;
  return {
    items: catalog.items.length,
    generator: {
      words: source.kind,
      vocabularySize: source.vocabularySize,
      genres: source.genres.length,
      peoplePool: data.peoplePool,
      seed,
      catalogBytes,
      logSessions: log.sessions.length,
      generateMs: round(generated.ms),
      parseCatalogMs: round(parsed.ms),
      example,
    },
    build: {
      buildMs: info(buildMs),
      embedderFitMs: round(fit.ms),
      embedderFitSample: sample.length,
      buildIndexMs: round(buildIndexMs),
      saveIndexMs: round(buildEnded - buildStarted - buildIndexMs),
      stagesMs,
      dominantStage: dominantStage(stagesMs),
      note: 'OfflineEmbedder.fit on the sample + buildIndex({embedder, log}) + saveIndex; generation and parsing not included',
    },
    openIndexMs: info(opened.ms),
    retrieval: {
      queries: measuredQueries.length,
      warmupQueries: warmup.length,
      k: 100,
      mix: {
        textOnly: countBy((query) => query.likedIds.length === 0),
        likedOnly: countBy((query) => query.queries.length === 0),
        both: countBy((query) => query.queries.length > 0 && query.likedIds.length > 0),
      },
      latency,
      p95Ms: atMost(latency.p95Ms, syntheticTargets.retrievalP95Ms),
      p50Ms: info(latency.p50Ms),
      meanMs: info(latency.meanMs),
      profile,
    },
    memory: {
      rssMb: atMost(megabytes(memory.rss), syntheticTargets.rssMb, 'MB'),
      note: 'process RSS right after the synthetic retrieval run (the process also built the index and ran the ReDial parts)',
      heapUsedMb: megabytes(memory.heapUsed),
      externalMb: megabytes(memory.external),
      ...(gcRan
        ? { rssAfterGcMb: megabytes(afterGc.rss), heapUsedAfterGcMb: megabytes(afterGc.heapUsed) }
        : {}),
      checkpointsAfterGc: checkpoints,
    },
    hnswQuality,
  };
}
