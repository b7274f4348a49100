import { createRecommender } from '../src/agent/create-recommender.js';
import { MemoryProfileStore } from '../src/profile/memory-profile-store.js';
import { PostgresProfileStore } from '../src/profile/postgres-profile-store.js';
import type { ProfileStore } from '../src/profile/profile-store.js';
import { openRetriever } from '../src/retrieval/open-retriever.js';

/** What one process of the sessions bench runs. */
export interface SessionsJob {
  catalog: string;
  indexDirectory: string;
  /** A postgres:// URL, or "memory" for an in-process store (the baseline). */
  database: string;
  /** Postgres schema holding this run's tables. */
  schema?: string;
  sessions: number;
  turns: number;
  /** Prefix of session ids, unique per run and process. */
  tag: string;
  /** Users the sessions share: session i belongs to user i mod users, across processes. */
  users: number;
}

/** Turn latencies and the wall-clock span (epoch ms) they ran in. */
export interface SessionsOutcome {
  turnMs: number[];
  startedAt: number;
  endedAt: number;
  failedTurns: number;
}

/** What the bench's users say, turn after turn; feedback turns write to the shared profile. */
export const benchMessages = [
  'a heist movie with a clever crew',
  'I liked the first one, more like it',
  'something older, not so violent',
  'a funny space adventure instead',
  'the second one looks good, anything for a family night?',
  'surprise me with a thriller',
];

const epochMs = () => performance.timeOrigin + performance.now();

/** The agent a bench process drives: offline (no model), over the opened demo index. */
export async function openBenchAgent(job: SessionsJob) {
  const { retriever } = await openRetriever({ catalog: job.catalog, indexDirectory: job.indexDirectory });
  const profileStore: ProfileStore =
    job.database === 'memory'
      ? new MemoryProfileStore()
      : await PostgresProfileStore.open(job.database, {
          ...(job.schema ? { schema: job.schema } : {}),
          maxConnections: 8,
        });
  return createRecommender({ retriever, profileStore });
}

/**
 * One untimed two-turn conversation, so the timed turns find the JIT, the caches and the pool warm,
 * as in a serving process.
 */
export async function warmUp(
  recommender: Awaited<ReturnType<typeof openBenchAgent>>,
  job: SessionsJob,
): Promise<void> {
  const session = recommender.session({ userId: 'bench-warm-up', sessionId: `${job.tag}-warm-up` });
  for (const text of benchMessages.slice(0, 2)) await session.send(text).result();
}

/**
 * Runs `job.sessions` conversations at once, each `job.turns` turns one after another, then ends
 * them (the profile summary is written); a turn is timed from send to result.
 */
export async function runSessions(
  recommender: Awaited<ReturnType<typeof openBenchAgent>>,
  job: SessionsJob,
): Promise<SessionsOutcome> {
  const turnMs: number[] = [];
  let failedTurns = 0;
  const startedAt = epochMs();
  await Promise.all(
    Array.from({ length: job.sessions }, async (_, index) => {
      const session = recommender.session({
        userId: `bench-user-${index % job.users}`,
        sessionId: `${job.tag}-s${index}`,
      });
      for (let turn = 0; turn < job.turns; turn++) {
        const started = performance.now();
        const text = benchMessages[(index + turn) % benchMessages.length]!;
        try {
          await session.send(text).result();
        } catch {
          failedTurns += 1;
        }
        turnMs.push(performance.now() - started);
      }
      await session.end();
    }),
  );
  return { turnMs, startedAt, endedAt: epochMs(), failedTurns };
}
