import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { HnswParameters } from '../src/index-store/index.js';
import { benchRedial, redialAvailable, type RedialReport } from './redial-bench.js';
import { machineInfo, progress, type Figure } from './report.js';
import { benchSynthetic, type SyntheticReport } from './synthetic-bench.js';

function count(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return parsed;
}

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return parsed;
}

function probeLoader(value: string): 'compiled' | 'tsx' {
  if (value !== 'compiled' && value !== 'tsx') throw new InvalidArgumentError('expected "compiled" or "tsx"');
  return value;
}

function countList(value: string): number[] {
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.some((part) => !Number.isInteger(part) || part <= 0))
    throw new InvalidArgumentError('expected comma-separated positive whole numbers, e.g. 64,128,256,512');
  return parts;
}

const program = new Command('bench')
  .description(
    [
      'Benchmarks convrec against its performance targets and prints a JSON report on stdout',
      '(progress goes to stderr):',
      '  ReDial   index build ≤ 15 s, cold open ≤ 1 s, per-turn retrieval p95 ≤ 15 ms, HNSW recall@10 ≥ 0.99 on text queries',
      '  100k     synthetic catalog retrieval p95 ≤ 30 ms, RSS ≤ 800 MB, HNSW recall@10 ≥ 0.99 on text queries at ≥ 50× a top-k scan',
      '           (latency and RSS measured in a fresh serving process that loads the saved catalog, log and index)',
    ].join('\n'),
  )
  .option(
    '--data <dir>',
    'ReDial data folder (catalog.json, train_sessions.jsonl, test_rec_turns.jsonl)',
    '../shared/data/redial',
  )
  .option('--out <file>', 'also write the JSON report to this file (folders are created)')
  .option('--synthetic <items>', 'synthetic catalog size; 0 skips the synthetic part', count, 100_000)
  .option('--turns <n>', 'ReDial test turns to time', count, 500)
  .option('--queries <n>', 'synthetic retrieval queries to time', count, 300)
  .option(
    '--quality-queries <n>',
    'query vectors for HNSW recall / speed-up (half item vectors, half texts)',
    count,
    500,
  )
  .option('--fit-sample <n>', 'synthetic items the offline embedder is fitted on', count, 10_000)
  .option(
    '--sweep <list>',
    'efSearch values swept (recall/latency curve; see also npm run bench:ann)',
    countList,
    [64, 128, 256, 512, 1024],
  )
  .option('--seed <n>', 'seed of the synthetic generator and query sampling', count, 7)
  .option(
    '--hnsw-m <n>',
    'HNSW M (links per node) of the synthetic index; default: buildIndex default',
    positive,
  )
  .option(
    '--hnsw-ef-construction <n>',
    'HNSW efConstruction of the synthetic index; default: buildIndex default',
    positive,
  )
  .option(
    '--hnsw-ef-search <n>',
    'HNSW efSearch of the synthetic index (recorded in its manifest); default: buildIndex default',
    positive,
  )
  .option(
    '--quick',
    'smaller run for a smoke test (100 turns, 20k synthetic items, 100 queries, 200 quality queries); explicit options still win',
    false,
  )
  .option('--keep-temp', 'keep the temporary index folders and print where they are', false)
  .option(
    '--probe-loader <loader>',
    'how the serving probe runs: "compiled" (bundled with esbuild, plain node, as a deployed server) or "tsx"',
    probeLoader,
    'compiled',
  )
  .addHelpText(
    'after',
    '\nExamples:\n  npm run bench\n  npm run bench -- --quick\n  npm run bench -- --synthetic 1000000 --quality-queries 200 --sweep 384,768   # 1M items (~45 min)\n  npm run bench -- --synthetic 0 --out reports/bench.json\n  npm run bench -- --hnsw-m 32 --hnsw-ef-construction 200 --hnsw-ef-search 256\n',
  );

interface Options {
  data: string;
  out?: string;
  synthetic: number;
  turns: number;
  queries: number;
  qualityQueries: number;
  fitSample: number;
  sweep: number[];
  seed: number;
  hnswM?: number;
  hnswEfConstruction?: number;
  hnswEfSearch?: number;
  quick: boolean;
  keepTemp: boolean;
  probeLoader: 'compiled' | 'tsx';
}

/** Every figure that has a target, flattened with a dotted name. */
function collectTargets(value: unknown, path: string, out: (Figure & { name: string })[]): void {
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record['value'] === 'number' && typeof record['met'] === 'boolean') {
    out.push({ name: path, ...(record as unknown as Figure) });
    return;
  }
  if (Array.isArray(value)) return;
  for (const [key, child] of Object.entries(record))
    collectTargets(child, path ? `${path}.${key}` : key, out);
}

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<Options>();
  const fromDefault = (name: string) => program.getOptionValueSource(name) === 'default';
  if (options.quick) {
    if (fromDefault('turns')) options.turns = 100;
    if (fromDefault('synthetic')) options.synthetic = 20_000;
    if (fromDefault('queries')) options.queries = 100;
    if (fromDefault('qualityQueries')) options.qualityQueries = 200;
  }
  const hnsw: Partial<HnswParameters> = {
    ...(options.hnswM !== undefined ? { m: options.hnswM } : {}),
    ...(options.hnswEfConstruction !== undefined ? { efConstruction: options.hnswEfConstruction } : {}),
    ...(options.hnswEfSearch !== undefined ? { efSearch: options.hnswEfSearch } : {}),
  };
  const dataDir = resolve(options.data);
  const root = await mkdtemp(join(tmpdir(), 'convrec-bench-'));
  progress(`temp folder ${root}`);

  let redial: RedialReport | { skipped: string } | undefined;
  let synthetic: SyntheticReport | { skipped: string } | undefined;
  try {
    let redialCatalog: Awaited<ReturnType<typeof benchRedial>>['catalog'] | undefined;
    const missing = redialAvailable(dataDir);
    if (missing) {
      progress(`ReDial data not found (${missing}): skipping the ReDial parts`);
      redial = { skipped: `ReDial data not found: ${missing}` };
    } else {
      const result = await benchRedial({
        dataDir,
        turns: options.turns,
        warmupTurns: 30,
        qualityQueries: options.qualityQueries,
        sweep: options.sweep,
        directory: join(root, 'redial'),
        seed: options.seed,
      });
      redial = result.report;
      redialCatalog = result.catalog;
    }

    if (options.synthetic === 0) {
      synthetic = { skipped: '--synthetic 0' };
    } else {
      synthetic = await benchSynthetic({
        items: options.synthetic,
        fitSample: options.fitSample,
        queries: options.queries,
        warmupQueries: 30,
        qualityQueries: options.qualityQueries,
        sweep: options.sweep,
        directory: join(root, 'synthetic'),
        serveDirectory: join(root, 'synthetic-serve'),
        seed: options.seed,
        probeLoader: options.probeLoader,
        ...(Object.keys(hnsw).length > 0 ? { hnsw } : {}),
        ...(redialCatalog ? { redial: redialCatalog } : {}),
      });
    }
  } finally {
    if (options.keepTemp) progress(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }

  const targets: (Figure & { name: string })[] = [];
  collectTargets({ redial, synthetic }, '', targets);
  const report = {
    generatedAt: new Date().toISOString(),
    options: { ...options, data: dataDir },
    machine: machineInfo(),
    redial,
    synthetic,
    summary: {
      allMet: targets.every((figure) => figure.met),
      targets: targets.map(({ name, value, unit, target, comparison, met }) => ({
        name,
        value,
        unit,
        target: `${comparison} ${target}`,
        met,
      })),
    },
  };
  const json = JSON.stringify(report, null, 2);
  process.stdout.write(`${json}\n`);
  if (options.out) {
    const out = resolve(options.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${json}\n`);
    progress(`report written to ${out}`);
  }
  for (const figure of targets)
    progress(
      `${figure.met ? 'met   ' : 'MISSED'} ${figure.name} = ${figure.value} ${figure.unit} (target ${figure.comparison} ${figure.target})`,
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
