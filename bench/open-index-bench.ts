/**
 * `npm run bench:open`: how long a fresh process takes to open a saved index. Each run is a new
 * process (files in the OS page cache after the first): catalog load, log load and `openIndex` are
 * timed apart, module loading is not counted. The index is built first when missing.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadCatalog } from '../src/catalog/index.js';
import { loadInteractionLog } from '../src/collaborative/interaction-log.js';
import { openIndex, openOrBuildIndex } from '../src/index-store/index.js';
import { progress, round } from './report.js';

interface OpenRun {
  catalogMs: number;
  logMs: number;
  openIndexMs: number;
  totalMs: number;
  rssMb: number;
}

const program = new Command('bench:open')
  .description('times opening a saved index in fresh processes (min–max over runs)')
  .option('--catalog <file>', 'catalog file', '../shared/data/redial/catalog.json')
  .option(
    '--log <file>',
    'interaction log (omit with --no-log)',
    '../shared/data/redial/train_sessions.jsonl',
  )
  .option('--no-log', 'open without an interaction log')
  .option('--index-dir <dir>', 'index directory (built when missing or stale)', '.convrec/indexes/bench-open')
  .option('--runs <n>', 'fresh processes', '5')
  .option('--child', 'internal: time one open in this process and print it as JSON');

interface Options {
  catalog: string;
  log: string | false;
  indexDir: string;
  runs: string;
  child?: boolean;
}

async function openOnce(options: Options): Promise<OpenRun> {
  const started = performance.now();
  const catalog = await loadCatalog(resolve(options.catalog));
  const catalogDone = performance.now();
  const log = options.log ? await loadInteractionLog(resolve(options.log)) : undefined;
  const logDone = performance.now();
  await openIndex({ catalog, directory: options.indexDir, ...(log ? { log } : {}) });
  const opened = performance.now();
  return {
    catalogMs: round(catalogDone - started, 1),
    logMs: round(logDone - catalogDone, 1),
    openIndexMs: round(opened - logDone, 1),
    totalMs: round(opened - started, 1),
    rssMb: round(process.memoryUsage().rss / 2 ** 20, 0),
  };
}

async function main(): Promise<void> {
  const options = program.parse().opts<Options>();
  if (options.child) {
    process.stdout.write(`${JSON.stringify(await openOnce(options))}\n`);
    return;
  }
  const catalog = await loadCatalog(resolve(options.catalog));
  const log = options.log ? await loadInteractionLog(resolve(options.log)) : undefined;
  await openOrBuildIndex({
    catalog,
    directory: options.indexDir,
    ...(log ? { log } : {}),
    onRebuild: (reason) => progress(`building ${options.indexDir} (${reason})`),
  });
  const runs: OpenRun[] = [];
  const script = fileURLToPath(import.meta.url);
  for (let run = 0; run < Number(options.runs); run++) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, script, ...process.argv.slice(2), '--child'],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`run ${run + 1} failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout) as OpenRun);
    progress(`run ${run + 1}: ${child.stdout.trim()}`);
  }
  const range = (key: keyof OpenRun) => {
    let low = Infinity;
    let high = -Infinity;
    for (const run of runs) {
      low = Math.min(low, run[key]);
      high = Math.max(high, run[key]);
    }
    return `${low}–${high}`;
  };
  const summary = {
    index: join(resolve(options.indexDir)),
    items: catalog.items.length,
    runs: runs.length,
    openIndexMs: range('openIndexMs'),
    catalogMs: range('catalogMs'),
    logMs: range('logMs'),
    totalMs: range('totalMs'),
    rssMb: range('rssMb'),
    each: runs,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
