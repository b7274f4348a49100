import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecommender } from '../../src/agent/create-recommender.js';
import { buildIndex } from '../../src/index-store/index.js';
import { PostgresProfileStore } from '../../src/profile/index.js';
import { Retriever } from '../../src/retrieval/index.js';
import {
  dropSchema,
  postgresSkipReason,
  postgresTestUrl,
  uniqueSchema,
  withTestDatabase,
} from '../helpers/postgres.js';
import { toyCatalog } from '../helpers/toy-catalog.js';
import { buildWriterBundle, startNode, waitFor } from './writer-processes.js';

// The Postgres variant of profile-concurrency.test.ts: the same writers, on one database.
const full = process.env.CONVREC_RELIABILITY_FULL === '1';
const sizes = full
  ? { processes: 50, apiSessions: 100, killRounds: 20 }
  : { processes: 12, apiSessions: 20, killRounds: 3 };
const writesPerProcess = 5;
const writersPerKillRound = 2;
const url = postgresTestUrl ?? 'postgres://unset';

describe.skipIf(!postgresTestUrl)(
  `one PostgreSQL profile database shared by parallel writers${postgresSkipReason}`,
  () => {
    let writerBundle: string;
    let removeBundle: () => Promise<void>;
    beforeAll(async () => ({ bundle: writerBundle, remove: removeBundle } = await buildWriterBundle()));
    afterAll(() => removeBundle());

    let schema: string;
    beforeEach(() => {
      schema = uniqueSchema('convrec_concurrency');
    });
    afterEach(() => dropSchema(schema));

    const startWriter = (writer: string, count: number | 'forever', user = '') =>
      startNode([writerBundle, url, writer, String(count), user, schema]);

    const counts = () =>
      withTestDatabase(async (client) => {
        const count = async (table: string) =>
          Number(
            (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".${table}`)).rows[0]?.n,
          );
        return { sessions: await count('convrec_sessions'), feedback: await count('convrec_feedback') };
      });

    it(`${sizes.processes} processes creating the tables and writing one user's profile at once: no failure, no lost write`, async () => {
      const writers = Array.from({ length: sizes.processes }, (_, index) =>
        startWriter(`w${index + 1}`, writesPerProcess, 'shared-user'),
      );
      const codes = await Promise.all(writers.map((writer) => writer.exited));
      expect(writers.map((writer) => writer.stderr()).filter(Boolean)).toEqual([]);
      expect(codes.every((code) => code === 0)).toBe(true);
      const expected = sizes.processes * writesPerProcess;
      expect(await counts()).toEqual({ sessions: expected, feedback: expected });

      const store = await PostgresProfileStore.open(url, { schema });
      const feedback = await store.feedback('shared-user');
      expect(new Set(feedback.map((event) => event.itemId)).size).toBe(expected);
      for (let index = 1; index <= sizes.processes; index++) {
        // Each writer's own events keep their order within the shared profile.
        const mine = feedback
          .filter((event) => event.itemId.startsWith(`w${index}-`))
          .map((event) => event.itemId);
        expect(mine).toEqual(
          Array.from({ length: writesPerProcess }, (_, round) => `w${index}-item-${round + 1}`),
        );
        expect((await store.loadSession(`w${index}-${writesPerProcess}`))?.userId).toBe('shared-user');
      }
      await store.close();
    });

    it(`keeps every acknowledged write when writers are killed with SIGKILL (${sizes.killRounds} rounds)`, async () => {
      let acknowledged = 0;
      for (let round = 1; round <= sizes.killRounds; round++) {
        const writers = Array.from({ length: writersPerKillRound }, (_, index) =>
          startWriter(`r${round}w${index + 1}`, 'forever'),
        );
        const threshold = 1 + ((round * 7) % 30);
        await Promise.all(
          writers.map((writer) => waitFor(() => writer.acks.length >= threshold || !writer.running())),
        );
        for (const writer of writers) writer.kill();
        await Promise.all(writers.map((writer) => writer.exited));
        expect(writers.map((writer) => writer.stderr()).filter(Boolean)).toEqual([]);

        const store = await PostgresProfileStore.open(url, { schema });
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
      }
      expect(acknowledged).toBeGreaterThanOrEqual(sizes.killRounds * writersPerKillRound);
    });

    it(`${sizes.apiSessions} API sessions on one PostgresProfileStore answering at once all save their conversation`, async () => {
      const catalog = toyCatalog();
      const retriever = new Retriever((await buildIndex({ catalog, dimensions: 8 })).components);
      const profileStore = await PostgresProfileStore.open(url, { schema });
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
    });
  },
);
