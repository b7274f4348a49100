import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { itemText, parseCatalog, type Catalog } from '../src/catalog/index.js';
import type { InteractionLog } from '../src/collaborative/interaction-log.js';
import { seededRandom } from '../src/embeddings/offline/seeded-random.js';
import { OfflineEmbedder } from '../src/embeddings/offline/offline-embedder.js';
import { buildIndex, openIndex, saveIndex, type HnswParameters } from '../src/index-store/index.js';
import { Retriever } from '../src/retrieval/index.js';
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
import { runServeProbe, writeProbeQueries, type ServeProbeResult } from './serve-process.js';
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
  /** Where the index is saved. */
  directory: string;
  /** Where the catalog JSONL, the log JSONL and the query file for the serve probe are written. */
  serveDirectory: string;
  seed: number;
  /** HNSW parameters for the synthetic index; unset ones take buildIndex's defaults. */
  hnsw?: Partial<HnswParameters>;
  /** The ReDial catalog, whose plots, genres and people feed the generator when present. */
  redial?: Catalog;
  /** Run the serving probe as compiled JavaScript under plain node (default), or under tsx. */
  probeLoader?: 'compiled' | 'tsx';
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
    /** HNSW parameters the index was built with. */
    hnsw: HnswParameters;
    stagesMs: Record<string, number>;
    dominantStage: { stage: string; ms: number; share: number };
    note: string;
  };
  /** openIndex in the serving process (fresh Node process, files likely in the OS page cache). */
  openIndexMs: Figure;
  /** openIndex in the bench process, informational. */
  openIndexMsInProcess: number;
  /** The serving measurement: a fresh Node process that loads catalog, log and index from disk. */
  serving: {
    note: string;
    command: string[];
    wallMs: number;
    files: { catalogBytes: number; logBytes: number };
    probe: ServeProbeResult;
  };
  retrieval: {
    queries: number;
    warmupQueries: number;
    k: number;
    mix: { textOnly: number; likedOnly: number; both: number };
    /** Latency in the serving process. */
    latency: LatencySummary;
    p95Ms: Figure;
    p50Ms: Figure;
    meanMs: Figure;
    note: string;
    /** The same queries timed in the bench process, informational. */
    inProcess: { latency: LatencySummary; note: string };
    /** Per-signal breakdown, timed in the bench process. */
    profile: ComponentProfile;
  };
  memory: {
    /** RSS of the serving process right after its timed queries. */
    rssMb: Figure;
    note: string;
    serving: {
      /** Node plus the tsx loader, before reading anything. */
      startupRssMb: number;
      afterCatalogRssMb: number;
      afterLogRssMb: number;
      afterOpenRssMb: number;
      heapUsedMb: number;
      externalMb: number;
      rssAfterGcMb?: number;
      heapUsedAfterGcMb?: number;
      peakRssMb: number;
    };
    /** The bench process itself (it generated the catalog, built the index, ran ReDial): informational. */
    inProcess: {
      rssMb: number;
      note: string;
      heapUsedMb: number;
      externalMb: number;
      rssAfterGcMb?: number;
      heapUsedAfterGcMb?: number;
      /** Memory after a forced GC at points of the synthetic run (live data vs garbage). */
      checkpointsAfterGc: Record<string, { rssMb: number; heapUsedMb: number; externalMb: number }>;
    };
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

/** Writes a log as the JSONL that loadInteractionLog reads back into the same sessions. */
async function writeLogJsonl(file: string, log: InteractionLog): Promise<void> {
  const lines = log.sessions.map((session) =>
    JSON.stringify({ session_id: session.sessionId, item_ids: session.itemIds }),
  );
  await writeFile(file, `${lines.join('\n')}\n`);
}

/** Synthetic catalog parts: generate, build with a sample-fitted embedder, time retrieval, memory, HNSW quality. */
export async function benchSynthetic(options: SyntheticBenchOptions): Promise<SyntheticReport> {
  const { items: count, directory, serveDirectory, seed } = options;
  await mkdir(serveDirectory, { recursive: true });
  const serveFiles = {
    catalog: join(serveDirectory, 'catalog.jsonl'),
    log: join(serveDirectory, 'log.jsonl'),
    queries: join(serveDirectory, 'queries.json'),
    index: directory,
  };
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
  // The serve probe loads the same text from disk (same items, so the same catalog hash).
  await writeFile(serveFiles.catalog, data.jsonl);
  data.jsonl = '';
  const catalog = parsed.value;
  const log = generateLog(catalog, data, Math.max(100, Math.round(count / 5)), seed + 1);
  await writeLogJsonl(serveFiles.log, log);
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
    ...(options.hnsw ? { hnsw: options.hnsw } : {}),
    onProgress: (event) => {
      timer.onProgress(event);
      if (event.stage === 'graph' && event.done !== undefined && now() - lastGraphReport > 15_000) {
        lastGraphReport = now();
        progress(`synthetic: graph ${event.done}/${event.total}`);
      }
    },
  });
  const buildIndexMs = now() - buildStarted;
  const hnswParameters = built.components.vectors.parameters;
  timer.mark('writing');
  await saveIndex(built, directory);
  const buildEnded = now();
  const stagesMs = { embedderFitSample: round(fit.ms), ...timer.finish(buildEnded) };
  checkpoint('builtIndexInMemory');
  built = undefined;
  const buildMs = fit.ms + (buildEnded - buildStarted);
  progress(
    `synthetic: built (HNSW ${JSON.stringify(hnswParameters)}) and saved in ${Math.round(buildMs)} ms ${JSON.stringify(stagesMs)}`,
  );
  checkpoint('builtIndexDropped');

  const requests = generateQueries(catalog, data, options.queries + options.warmupQueries, seed + 2);
  const warmup = requests.slice(0, options.warmupQueries);
  const measuredQueries = requests.slice(options.warmupQueries);

  // Serving: a fresh Node process loads catalog, log and index from disk and times the same queries.
  await writeProbeQueries(serveFiles.queries, { k: 100, warmup, measured: measuredQueries });
  progress(
    `synthetic: serve probe in a fresh process (${warmup.length} warm-up + ${measuredQueries.length} timed queries, k=100)`,
  );
  const serve = await runServeProbe(serveFiles, {
    onLine: (line) => progress(`synthetic: ${line}`),
    compiled: (options.probeLoader ?? 'compiled') === 'compiled',
  });
  const probe = serve.result;
  progress(
    `synthetic: serving: openIndex ${Math.round(probe.openIndexMs)} ms, p50 ${probe.latency.p50Ms} ms, p95 ${probe.latency.p95Ms} ms, RSS ${probe.memory.afterRun.rssMb} MB (peak ${probe.memory.peakRssMb} MB)`,
  );

  // The same in this process, informational.
  const opened = await timed(() => openIndex({ catalog, directory, log }));
  checkpoint('openedIndex');
  const { components } = opened.value;
  progress(`synthetic: in-process openIndex in ${Math.round(opened.ms)} ms`);
  progress(
    `synthetic: in-process: warming up on ${warmup.length} queries, then timing ${measuredQueries.length} (k=100)`,
  );
  await timeQueries(new Retriever(components), warmup);
  const retriever = new Retriever(components);
  const latency = summarizeLatencies(await timeQueries(retriever, measuredQueries));
  const memory = process.memoryUsage();
  progress(
    `synthetic: in-process retrieval p50 ${latency.p50Ms} ms, p95 ${latency.p95Ms} ms; RSS ${megabytes(memory.rss)} MB`,
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
      hnsw: hnswParameters,
      stagesMs,
      dominantStage: dominantStage(stagesMs),
      note: 'OfflineEmbedder.fit on the sample + buildIndex({embedder, log}) + saveIndex; generation and parsing not included',
    },
    openIndexMs: info(probe.openIndexMs),
    openIndexMsInProcess: round(opened.ms),
    serving: {
      note: `fresh Node process (process.execPath, no inherited flags or NODE_OPTIONS; ${(options.probeLoader ?? 'compiled') === 'compiled' ? 'the probe bundled to JavaScript with esbuild, plain node' : 'the probe under the tsx loader'}): loadCatalog + loadInteractionLog + openIndex from the saved files, warm-up queries, then the timed queries`,
      command: serve.command,
      wallMs: round(serve.wallMs),
      files: {
        catalogBytes,
        logBytes: (await stat(serveFiles.log)).size,
      },
      probe,
    },
    retrieval: {
      queries: measuredQueries.length,
      warmupQueries: warmup.length,
      k: 100,
      mix: {
        textOnly: countBy((query) => query.likedIds.length === 0),
        likedOnly: countBy((query) => query.queries.length === 0),
        both: countBy((query) => query.queries.length > 0 && query.likedIds.length > 0),
      },
      latency: probe.latency,
      p95Ms: atMost(probe.latency.p95Ms, syntheticTargets.retrievalP95Ms),
      p50Ms: info(probe.latency.p50Ms),
      meanMs: info(probe.latency.meanMs),
      note: 'timed in the serving process (see serving)',
      inProcess: {
        latency,
        note: 'the same warm-up and timed queries in the bench process, after it built the index: informational',
      },
      profile,
    },
    memory: {
      rssMb: atMost(probe.memory.afterRun.rssMb, syntheticTargets.rssMb, 'MB'),
      note: 'RSS of the serving process right after its timed queries (no forced GC); it holds only the catalog, the log and the opened index (serving.startupRssMb is the baseline before reading anything: ~70 MB compiled, ~115 MB under tsx)',
      serving: {
        startupRssMb: probe.memory.startup.rssMb,
        afterCatalogRssMb: probe.memory.afterCatalog.rssMb,
        afterLogRssMb: probe.memory.afterLog.rssMb,
        afterOpenRssMb: probe.memory.afterOpen.rssMb,
        heapUsedMb: probe.memory.afterRun.heapUsedMb,
        externalMb: probe.memory.afterRun.externalMb,
        ...(probe.memory.afterRunGc
          ? {
              rssAfterGcMb: probe.memory.afterRunGc.rssMb,
              heapUsedAfterGcMb: probe.memory.afterRunGc.heapUsedMb,
            }
          : {}),
        peakRssMb: probe.memory.peakRssMb,
      },
      inProcess: {
        rssMb: megabytes(memory.rss),
        note: 'bench process RSS right after its own timing of the same queries (it also generated the catalog, built the index and ran the ReDial parts)',
        heapUsedMb: megabytes(memory.heapUsed),
        externalMb: megabytes(memory.external),
        ...(gcRan
          ? { rssAfterGcMb: megabytes(afterGc.rss), heapUsedAfterGcMb: megabytes(afterGc.heapUsed) }
          : {}),
        checkpointsAfterGc: checkpoints,
      },
    },
    hnswQuality,
  };
}
