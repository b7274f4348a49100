import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresProfileStore } from '../../src/profile/index.js';
import {
  dropSchema,
  postgresSkipReason,
  postgresTestUrl,
  uniqueSchema,
  withTestDatabase,
} from '../helpers/postgres.js';
import {
  expectAcknowledgedWritesKept,
  expectParallelSessionsSaved,
  runWritersAtOnce,
  sizes,
  writesPerProcess,
} from './profile-concurrency-cases.js';
import { buildWriterBundle, startNode } from './writer-processes.js';

// The Postgres variant of profile-concurrency.test.ts: the same writers and checks, on one database.
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
      await runWritersAtOnce((index) => startWriter(`w${index}`, writesPerProcess, 'shared-user'));
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
      await expectAcknowledgedWritesKept(
        (writer) => startWriter(writer, 'forever'),
        () => PostgresProfileStore.open(url, { schema }),
      );
    });

    it(`${sizes.apiSessions} API sessions on one PostgresProfileStore answering at once all save their conversation`, async () => {
      await expectParallelSessionsSaved(await PostgresProfileStore.open(url, { schema }));
    });
  },
);
