/**
 * Serving probe, run by the bench in a fresh child process: loads the catalog and the interaction log
 * from disk, opens the saved index and times the same retrieval requests as the in-process run, then
 * prints one JSON object (ServeProbeResult) on stdout. Progress and errors go to stderr; any failure
 * exits non-zero.
 *
 *   node --import tsx src/bench/serve-probe.ts --catalog <file> --log <file> --index <dir> --queries <file>
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/catalog/index.js';
import { loadInteractionLog } from '../src/collaborative/interaction-log.js';
import { openIndex } from '../src/index-store/index.js';
import { Retriever } from '../src/retrieval/index.js';
import { collectGarbage, megabytes, now, round, summarizeLatencies, timed } from './report.js';
import { probeQueriesSchema, type ProbeQuery, type ServeProbeResult } from './serve-process.js';

const started = now();
const log = (message: string) =>
  console.error(`[serve-probe ${((now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);

const memory = () => {
  const usage = process.memoryUsage();
  return {
    rssMb: megabytes(usage.rss),
    heapUsedMb: megabytes(usage.heapUsed),
    externalMb: megabytes(usage.external),
    arrayBuffersMb: megabytes(usage.arrayBuffers),
  };
};

async function timeQueries(retriever: Retriever, queries: ProbeQuery[], k: number): Promise<number[]> {
  const latencies: number[] = [];
  for (const query of queries) {
    const begun = now();
    await retriever.retrieve({ queries: query.queries, likedIds: query.likedIds, k });
    latencies.push(now() - begun);
  }
  return latencies;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      catalog: { type: 'string' },
      log: { type: 'string' },
      index: { type: 'string' },
      queries: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const missing = (['catalog', 'log', 'index', 'queries'] as const).filter((name) => !values[name]);
  if (missing.length > 0)
    throw new Error(`missing option(s): ${missing.map((name) => `--${name}`).join(', ')}`);
  const {
    catalog: catalogFile,
    log: logFile,
    index: directory,
    queries: queriesFile,
  } = values as Record<'catalog' | 'log' | 'index' | 'queries', string>;

  const startup = memory();
  const queryFile = probeQueriesSchema.parse(JSON.parse(await readFile(queriesFile, 'utf8')) as unknown);
  const catalogLoad = await timed(() => loadCatalog(catalogFile));
  const catalog = catalogLoad.value;
  const afterCatalog = memory();
  const logLoad = await timed(() => loadInteractionLog(logFile));
  const afterLog = memory();
  log(
    `catalog ${catalog.items.length} items in ${Math.round(catalogLoad.ms)} ms, log ${logLoad.value.sessions.length} sessions in ${Math.round(logLoad.ms)} ms`,
  );
  const opened = await timed(() => openIndex({ catalog, directory, log: logLoad.value }));
  const { components } = opened.value;
  const afterOpen = memory();
  log(`openIndex in ${Math.round(opened.ms)} ms; RSS ${afterOpen.rssMb} MB`);

  await timeQueries(new Retriever(components), queryFile.warmup, queryFile.k);
  const retriever = new Retriever(components);
  const latencies = await timeQueries(retriever, queryFile.measured, queryFile.k);
  const latency = summarizeLatencies(latencies);
  const afterRun = memory();
  log(
    `retrieval p50 ${latency.p50Ms} ms, p95 ${latency.p95Ms} ms over ${latencies.length}; RSS ${afterRun.rssMb} MB`,
  );
  const gcRan = collectGarbage();
  const afterGc = memory();

  const result: ServeProbeResult = {
    pid: process.pid,
    node: process.version,
    execArgv: process.execArgv,
    items: catalog.items.length,
    logSessions: logLoad.value.sessions.length,
    catalogLoadMs: round(catalogLoad.ms),
    logLoadMs: round(logLoad.ms),
    openIndexMs: round(opened.ms),
    warmupQueries: queryFile.warmup.length,
    k: queryFile.k,
    latency,
    memory: {
      startup,
      afterCatalog,
      afterLog,
      afterOpen,
      afterRun,
      ...(gcRan ? { afterRunGc: afterGc } : {}),
      peakRssMb: megabytes(process.resourceUsage().maxRSS * 1024),
    },
    totalMs: round(now() - started),
  };
  // Keep the components reachable until after the memory readings.
  void retriever;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(
    `serve-probe failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
});
