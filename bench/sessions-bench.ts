/**
 * `npm run bench:sessions`: N offline agent sessions over the demo catalog, all at once in one
 * process and split across 4 processes, sharing one PostgreSQL profile database
 * (CONVREC_PROFILE_DB=postgres://…, or --db). Reports turns/s and p95 per turn, min–max over runs,
 * with an in-memory store in one process as the baseline. Start-up and one warm-up conversation per
 * process are not timed. Options: --sessions 16 --turns 6 --runs 3
 * --processes 4 --users 8.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { z } from 'zod';
import { loadConfig } from '../src/config/load-config.js';
import { demoCatalogPath, packageRoot } from '../src/paths/package-paths.js';
import { isPostgresUrl, maskProfileLocation } from '../src/profile/profile-location.js';
import { openRetriever } from '../src/retrieval/open-retriever.js';
import { machineInfo, progress, round, summarizeLatencies } from './report.js';
import {
  openBenchAgent,
  runSessions,
  warmUp,
  type SessionsJob,
  type SessionsOutcome,
} from './sessions-run.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    sessions: { type: 'string', default: '16' },
    turns: { type: 'string', default: '6' },
    runs: { type: 'string', default: '3' },
    processes: { type: 'string', default: '4' },
    users: { type: 'string', default: '8' },
  },
});
const count = (name: string, text: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const sessions = count('sessions', values.sessions);
const turns = count('turns', values.turns);
const runs = count('runs', values.runs);
const processes = count('processes', values.processes);
const users = count('users', values.users);
const database = values.db ?? loadConfig().profileDatabase;
if (!isPostgresUrl(database)) {
  throw new Error(
    'bench:sessions needs a PostgreSQL database: set CONVREC_PROFILE_DB=postgres://user:password@host:port/db or pass --db',
  );
}

const root = packageRoot();
const catalog = demoCatalogPath();
const indexDirectory = join(root, '.convrec', 'indexes', 'bench-sessions');
progress(`opening (building when stale) the demo index in ${indexDirectory}`);
await openRetriever({ catalog, indexDirectory });

const outcomeSchema = z.object({
  turnMs: z.array(z.number()),
  startedAt: z.number(),
  endedAt: z.number(),
  failedTurns: z.number(),
}) satisfies z.ZodType<SessionsOutcome>;

interface RunFigures {
  turnsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  turns: number;
  failedTurns: number;
  wallMs: number;
}

function figures(outcomes: SessionsOutcome[]): RunFigures {
  const turnMs = outcomes.flatMap((outcome) => outcome.turnMs);
  const wallMs =
    Math.max(...outcomes.map((outcome) => outcome.endedAt)) -
    Math.min(...outcomes.map((outcome) => outcome.startedAt));
  const latency = summarizeLatencies(turnMs);
  return {
    turnsPerSecond: round((turnMs.length / wallMs) * 1000, 1),
    p50Ms: round(latency.p50Ms, 1),
    p95Ms: round(latency.p95Ms, 1),
    turns: turnMs.length,
    failedTurns: outcomes.reduce((sum, outcome) => sum + outcome.failedTurns, 0),
    wallMs: round(wallMs, 0),
  };
}

/** All sessions in this process; the agent is opened and warmed up before the clock starts. */
async function inProcess(job: SessionsJob): Promise<RunFigures> {
  const recommender = await openBenchAgent(job);
  try {
    await warmUp(recommender, job);
    return figures([await runSessions(recommender, job)]);
  } finally {
    await recommender.close();
  }
}

/** The sessions split across worker processes, released together once all have opened the agent. */
async function acrossProcesses(job: SessionsJob): Promise<RunFigures> {
  const worker = join(root, 'bench', 'sessions-worker.ts');
  const children = Array.from({ length: processes }, (_, index) => {
    const share = Math.floor(job.sessions / processes) + (index < job.sessions % processes ? 1 : 0);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', worker, JSON.stringify({ ...job, sessions: share, tag: `${job.tag}-p${index}` })],
      { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let output = '';
    let announceReady: () => void;
    const ready = new Promise<void>((resolve) => (announceReady = resolve));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('ready\n')) announceReady();
    });
    const done = new Promise<SessionsOutcome>((resolve, reject) =>
      child.on('close', (code) => {
        const last = output.trim().split('\n').at(-1) ?? '';
        const parsed = code === 0 ? outcomeSchema.safeParse(JSON.parse(last)) : undefined;
        if (parsed?.success) resolve(parsed.data);
        else reject(new Error(`sessions worker ${index} exited with ${code}`));
      }),
    );
    return { child, ready, done };
  });
  await Promise.all(children.map(({ ready }) => ready));
  for (const { child } of children) child.stdin.end('go\n');
  return figures(await Promise.all(children.map(({ done }) => done)));
}

const pool = new Pool({ connectionString: database, max: 1 });
const results: Record<string, RunFigures[]> = { memory1: [], postgres1: [], postgresN: [] };
try {
  for (let run = 1; run <= runs; run++) {
    const tag = `bench-${process.pid}-${run}`;
    const schema = `convrec_bench_${process.pid}_${run}`;
    const job: SessionsJob = { catalog, indexDirectory, database, schema, sessions, turns, tag, users };
    try {
      progress(`run ${run}/${runs}: in-memory store, 1 process`);
      results['memory1']!.push(await inProcess({ ...job, database: 'memory', tag: `${tag}-m` }));
      progress(`run ${run}/${runs}: PostgreSQL, 1 process`);
      results['postgres1']!.push(await inProcess({ ...job, tag: `${tag}-a` }));
      progress(`run ${run}/${runs}: PostgreSQL, ${processes} processes`);
      results['postgresN']!.push(await acrossProcesses({ ...job, tag: `${tag}-b` }));
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  }
} finally {
  await pool.end();
}

const range = (list: RunFigures[], key: 'turnsPerSecond' | 'p95Ms' | 'p50Ms') => {
  const numbers = list.map((entry) => entry[key]);
  return `${Math.min(...numbers)}–${Math.max(...numbers)}`;
};
const labels: Record<string, string> = {
  memory1: 'in-memory store, 1 process (baseline)',
  postgres1: 'PostgreSQL, 1 process',
  postgresN: `PostgreSQL, ${processes} processes`,
};
console.log(
  `\n${sessions} concurrent offline sessions × ${turns} turns, demo catalog, ${users} shared users, ${runs} runs (min–max); profiles in ${maskProfileLocation(database)}\n`,
);
console.log('| setup | turns/s | p50 per turn (ms) | p95 per turn (ms) | failed turns |');
console.log('|---|---|---|---|---|');
for (const [key, list] of Object.entries(results)) {
  const failed = list.reduce((sum, entry) => sum + entry.failedTurns, 0);
  console.log(
    `| ${labels[key]} | ${range(list, 'turnsPerSecond')} | ${range(list, 'p50Ms')} | ${range(list, 'p95Ms')} | ${failed} |`,
  );
}
const reportFile = join(root, 'reports', 'bench-sessions.json');
await mkdir(join(root, 'reports'), { recursive: true });
await writeFile(
  reportFile,
  `${JSON.stringify({ machine: machineInfo(), sessions, turns, runs, processes, users, results }, null, 2)}\n`,
);
console.log(`\nwrote ${reportFile}`);
