import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { LatencySummary } from './report.js';

export const probeQuerySchema = z.object({ queries: z.array(z.string()), likedIds: z.array(z.string()) });
export type ProbeQuery = z.infer<typeof probeQuerySchema>;

/** The query file handed to the serve probe. */
export const probeQueriesSchema = z.object({
  k: z.number().int().positive(),
  warmup: z.array(probeQuerySchema),
  measured: z.array(probeQuerySchema),
});
export type ProbeQueries = z.infer<typeof probeQueriesSchema>;

const memorySchema = z.object({
  rssMb: z.number(),
  heapUsedMb: z.number(),
  externalMb: z.number(),
  arrayBuffersMb: z.number(),
});

const latencySchema = z.object({
  count: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
  p99Ms: z.number(),
  meanMs: z.number(),
  maxMs: z.number(),
}) satisfies z.ZodType<LatencySummary>;

/** What the serve probe prints on stdout. */
export const serveProbeResultSchema = z.object({
  pid: z.number(),
  node: z.string(),
  execArgv: z.array(z.string()),
  items: z.number(),
  logSessions: z.number(),
  catalogLoadMs: z.number(),
  logLoadMs: z.number(),
  openIndexMs: z.number(),
  warmupQueries: z.number(),
  k: z.number(),
  latency: latencySchema,
  memory: z.object({
    /** Right after start-up (Node plus the TypeScript loader), before reading anything. */
    startup: memorySchema,
    /** After loadCatalog, then after loadInteractionLog, then after openIndex (no forced GC). */
    afterCatalog: memorySchema,
    afterLog: memorySchema,
    afterOpen: memorySchema,
    /** Right after the timed queries, no forced GC: what a serving process holds. */
    afterRun: memorySchema,
    afterRunGc: memorySchema.optional(),
    /** Peak resident set of the whole probe (getrusage maxrss). */
    peakRssMb: z.number(),
  }),
  totalMs: z.number(),
});
export type ServeProbeResult = z.infer<typeof serveProbeResultSchema>;

export interface ServeProbeFiles {
  catalog: string;
  log: string;
  index: string;
  queries: string;
}

/** Environment variables that would change how the child Node behaves (flags, inspector, coverage). */
const inheritedNodeVariables = [
  'NODE_OPTIONS',
  'NODE_V8_COVERAGE',
  'NODE_DEBUG',
  'NODE_DEBUG_NATIVE',
  'NODE_INSPECT_RESUME_ON_START',
  'NODE_PENDING_DEPRECATION',
  'NODE_PRESERVE_SYMLINKS',
  'NODE_REDIRECT_WARNINGS',
  'NODE_TEST_CONTEXT',
  'NODE_CHANNEL_FD',
  'NODE_UNIQUE_ID',
];

/** The probe script next to this module (.ts under tsx, .js when compiled) and the Node flags to run it. */
export function serveProbeCommand(): { script: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const extension = extname(here);
  const script = join(dirname(here), `serve-probe${extension}`);
  // Only TypeScript sources need a loader: tsx, resolved from here so the child's cwd does not matter.
  const execArgv = extension === '.ts' ? ['--import', import.meta.resolve('tsx')] : [];
  return { script, execArgv };
}

/**
 * The probe compiled to one JavaScript file (esbuild, packages left as imports), so the serving
 * process runs plain `node` as a deployed server does, without the TypeScript loader (~45 MB of RSS). The
 * bundle goes under node_modules/.cache so its package imports resolve from this checkout.
 */
export async function compiledServeProbeCommand(): Promise<{ script: string; execArgv: string[] }> {
  const { script: source, execArgv } = serveProbeCommand();
  if (execArgv.length === 0) return { script: source, execArgv };
  const { build } = await import('esbuild');
  const script = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../node_modules/.cache/convrec-bench/serve-probe.mjs',
  );
  await build({
    entryPoints: [source],
    outfile: script,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return { script, execArgv: [] };
}

const tail = (text: string, lines: number) => text.trimEnd().split('\n').slice(-lines).join('\n');

/**
 * Runs the serve probe in a fresh Node process (no inherited execArgv or NODE_OPTIONS, stdin closed)
 * and returns its parsed report. Its stderr is relayed line by line through `onLine`; a non-zero exit,
 * a signal, a time-out or unparseable output throws with the tail of its stderr.
 */
export async function runServeProbe(
  files: ServeProbeFiles,
  options: { timeoutMs?: number; onLine?: (line: string) => void; compiled?: boolean } = {},
): Promise<{ result: ServeProbeResult; wallMs: number; command: string[] }> {
  const { script, execArgv } = options.compiled ? await compiledServeProbeCommand() : serveProbeCommand();
  const args = [
    ...execArgv,
    script,
    '--catalog',
    resolve(files.catalog),
    '--log',
    resolve(files.log),
    '--index',
    resolve(files.index),
    '--queries',
    resolve(files.queries),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inheritedNodeVariables) delete env[name];
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) options.onLine?.(line);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(
        new Error(`cannot start the serve probe (${process.execPath} ${args.join(' ')}): ${error.message}`),
      );
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal });
    });
  });
  if (pending) options.onLine?.(pending);
  const wallMs = performance.now() - started;
  const command = [process.execPath, ...args];
  const describe = () =>
    `\n  command: ${command.join(' ')}\n  stderr (last lines):\n${tail(stderr, 25).replace(/^/gm, '    ')}`;
  if (timedOut)
    throw new Error(`the serve probe timed out after ${Math.round(timeoutMs / 1000)} s${describe()}`);
  if (exit.code !== 0)
    throw new Error(
      `the serve probe ${exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`}${describe()}`,
    );
  const lastLine = stdout.trimEnd().split('\n').at(-1) ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(lastLine);
  } catch {
    throw new Error(
      `the serve probe printed no JSON report (stdout: ${JSON.stringify(tail(stdout, 5))})${describe()}`,
    );
  }
  const checked = serveProbeResultSchema.safeParse(parsed);
  if (!checked.success)
    throw new Error(
      `the serve probe's report is malformed: ${checked.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}${describe()}`,
    );
  return { result: checked.data, wallMs, command };
}

/** Writes the probe's query file. */
export async function writeProbeQueries(file: string, queries: ProbeQueries): Promise<void> {
  await writeFile(file, JSON.stringify(queries));
}
