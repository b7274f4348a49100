/** The checks both profile stores (a SQLite file, a PostgreSQL database) must pass under concurrency. */
import { expect } from 'vitest';
import { createRecommender } from '../../src/agent/create-recommender.js';
import { buildIndex } from '../../src/index-store/index.js';
import type { ProfileStore } from '../../src/profile/index.js';
import { Retriever } from '../../src/retrieval/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';
import { waitFor, type Child } from './writer-processes.js';

/** CONVREC_RELIABILITY_FULL=1 runs the sizes issue 9 asks for; the default keeps `npm test` quick. */
export const full = process.env.CONVREC_RELIABILITY_FULL === '1';
export const sizes = full
  ? { processes: 50, askProcesses: 50, apiSessions: 100, killRounds: 20 }
  : { processes: 12, askProcesses: 0, apiSessions: 20, killRounds: 3 };
/** Sessions, each with one feedback event, that every writer of the parallel run saves. */
export const writesPerProcess = 5;
const writersPerKillRound = 2;

/** Starts `sizes.processes` writers at once (named 1…n) and expects every one to finish cleanly. */
export async function runWritersAtOnce(startWriter: (index: number) => Child): Promise<void> {
  const writers = Array.from({ length: sizes.processes }, (_, index) => startWriter(index + 1));
  const codes = await Promise.all(writers.map((writer) => writer.exited));
  expect(writers.map((writer) => writer.stderr()).filter(Boolean)).toEqual([]);
  expect(codes.every((code) => code === 0)).toBe(true);
}

/**
 * Kills writers that write forever with SIGKILL, `sizes.killRounds` times at different points, and
 * expects every write they acknowledged in the store `open` returns; `afterRound` runs after each
 * round's check. Returns how many writes were acknowledged.
 */
export async function expectAcknowledgedWritesKept(
  startWriter: (name: string) => Child,
  open: () => ProfileStore | Promise<ProfileStore>,
  afterRound: () => void = () => {},
): Promise<number> {
  let acknowledged = 0;
  for (let round = 1; round <= sizes.killRounds; round++) {
    const writers = Array.from({ length: writersPerKillRound }, (_, index) =>
      startWriter(`r${round}w${index + 1}`),
    );
    // Kill at a different point of each round: after a few to a few dozen acknowledged writes.
    const threshold = 1 + ((round * 7) % 30);
    await Promise.all(
      writers.map((writer) => waitFor(() => writer.acks.length >= threshold || !writer.running())),
    );
    for (const writer of writers) writer.kill();
    await Promise.all(writers.map((writer) => writer.exited));
    expect(writers.map((writer) => writer.stderr()).filter(Boolean)).toEqual([]);

    const store = await open();
    for (const writer of writers) {
      for (const ack of writer.acks) {
        const [kind, id] = ack.startsWith('feedback ') ? ['feedback', ack.slice(9)] : ['session', ack];
        const session = await store.loadSession(id!);
        expect(session?.id, `${kind} ${id} was acknowledged`).toBe(id);
        if (kind === 'feedback') {
          const feedback = await store.feedback(session!.userId);
          expect(feedback.some((event) => event.sessionId === id)).toBe(true);
        }
      }
      acknowledged += writer.acks.length;
    }
    await store.close();
    afterRound();
  }
  expect(acknowledged).toBeGreaterThanOrEqual(sizes.killRounds * writersPerKillRound);
  return acknowledged;
}

/**
 * `sizes.apiSessions` sessions of one offline recommender over `profileStore` (ten users) answer two
 * turns at once; every conversation is saved with both turns. Closes the store.
 */
export async function expectParallelSessionsSaved(profileStore: ProfileStore): Promise<void> {
  const retriever = new Retriever((await buildIndex({ catalog: toyCatalog(), dimensions: 8 })).components);
  const recommender = await createRecommender({ retriever, profileStore });
  const sessions = Array.from({ length: sizes.apiSessions }, (_, index) =>
    recommender.session({ userId: `user-${index % 10}`, sessionId: `api-${index}` }),
  );
  const first = await Promise.all(sessions.map((session) => session.send('a space movie').result()));
  const second = await Promise.all(
    sessions.map((session) => session.send('more like the first one').result()),
  );
  expect([...first, ...second].every((result) => result.recommendations.length > 0)).toBe(true);
  for (let index = 0; index < sizes.apiSessions; index++) {
    const saved = await profileStore.loadSession(`api-${index}`);
    expect(saved).toMatchObject({ userId: `user-${index % 10}`, turns: 2 });
  }
  await recommender.close();
}
