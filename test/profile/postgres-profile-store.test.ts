import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresProfileStore } from '../../src/profile/index.js';
import { thrownBy } from '../helpers/errors.js';
import {
  dropSchema,
  postgresSkipReason,
  postgresTestUrl,
  uniqueSchema,
  withTestDatabase,
} from '../helpers/postgres.js';
import { describeProfileStore, feedbackEvent, sessionRecord } from './profile-store-suite.js';

const url = postgresTestUrl ?? 'postgres://unset';

describe.skipIf(!postgresTestUrl)(`PostgresProfileStore${postgresSkipReason}`, () => {
  let schema = '';
  describeProfileStore(
    'PostgresProfileStore',
    () => {
      schema = uniqueSchema();
      return PostgresProfileStore.open(url, { schema });
    },
    () => dropSchema(schema),
  );

  describe('on a shared database', () => {
    beforeEach(() => {
      schema = uniqueSchema();
    });
    afterEach(() => dropSchema(schema));

    it('keeps feedback, summaries and sessions across close and reopen', async () => {
      const first = await PostgresProfileStore.open(url, { schema });
      await first.addFeedback([feedbackEvent('ann', 'm4', { text: 'Heat was great' })]);
      const summary = { text: 'Likes: Heat (1995).', writtenBy: 'offline', updatedAt: 't', feedbackCount: 1 };
      await first.saveSummary('ann', summary);
      await first.saveSession(sessionRecord('s1', 'ann'));
      await first.close();

      const second = await PostgresProfileStore.open(url, { schema });
      expect(await second.feedback('ann')).toEqual([feedbackEvent('ann', 'm4', { text: 'Heat was great' })]);
      expect(await second.summary('ann')).toEqual(summary);
      expect(await second.loadSession('s1')).toEqual(sessionRecord('s1', 'ann'));
      await second.close();
    });

    it('creates its tables with a schema version row on first use, once, however many processes open it at once', async () => {
      const stores = await Promise.all(
        Array.from({ length: 8 }, () => PostgresProfileStore.open(url, { schema, maxConnections: 1 })),
      );
      await Promise.all(stores.map((store) => store.close()));
      const tables = await withTestDatabase(async (client) => {
        const versions = await client.query(`SELECT version FROM "${schema}".convrec_schema_version`);
        const names = await client.query(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
          [schema],
        );
        return {
          versions: versions.rows,
          names: names.rows.map((row: { table_name: string }) => row.table_name),
        };
      });
      expect(tables).toEqual({
        versions: [{ version: 1 }],
        names: ['convrec_feedback', 'convrec_schema_version', 'convrec_sessions', 'convrec_summaries'],
      });
    });

    it('refuses a database written by a newer schema version, naming the URL without its password', async () => {
      await (await PostgresProfileStore.open(url, { schema })).close();
      await withTestDatabase((client) =>
        client.query(`UPDATE "${schema}".convrec_schema_version SET version = 7`),
      );
      const withPassword = url.replace(/^(postgres(ql)?:\/\/)([^:@/]+)(:[^@/]*)?@/, '$1$3:s3cret-word@');
      const error = await thrownBy(() => PostgresProfileStore.open(withPassword, { schema }));
      expect(error.code).toBe('PROFILE_STORE_FAILED');
      expect(error.message).toMatch(/schema version 7.*newer/);
      expect(error.message).toContain(':***@');
      expect(error.message).not.toContain('s3cret-word');
    });

    it('stamps saved session rows with the injected clock', async () => {
      const store = await PostgresProfileStore.open(url, { schema, now: () => '2030-05-06T07:08:09.000Z' });
      await store.saveSession(sessionRecord('s1', 'ann'));
      await store.close();
      const stamped = await withTestDatabase((client) =>
        client.query<{ updated_at: Date }>(
          `SELECT updated_at FROM "${schema}".convrec_sessions WHERE id = 's1'`,
        ),
      );
      expect(stamped.rows[0]?.updated_at.toISOString()).toBe('2030-05-06T07:08:09.000Z');
    });

    it('reports a corrupt session row as PROFILE_STORE_FAILED naming the session, and stays usable', async () => {
      const store = await PostgresProfileStore.open(url, { schema });
      await store.saveSession(sessionRecord('broken-json', 'ann'));
      await store.saveSession(sessionRecord('wrong-shape', 'ann'));
      await store.saveSession(sessionRecord('fine', 'ann'));
      await withTestDatabase(async (client) => {
        const update = `UPDATE "${schema}".convrec_sessions SET payload = $1 WHERE id = $2`;
        await client.query(update, ['{"id": "broken-json", ', 'broken-json']);
        await client.query(update, [
          JSON.stringify({ ...sessionRecord('wrong-shape', 'ann'), turns: 'two' }),
          'wrong-shape',
        ]);
      });

      const malformed = await thrownBy(() => store.loadSession('broken-json'));
      expect(malformed.code).toBe('PROFILE_STORE_FAILED');
      expect(malformed.message).toContain('session "broken-json"');
      const invalid = await thrownBy(() => store.loadSession('wrong-shape'));
      expect(invalid.message).toContain('session "wrong-shape"');
      expect(invalid.message).toContain('turns');
      expect(await store.loadSession('fine')).toEqual(sessionRecord('fine', 'ann'));
      await store.close();
    });

    it('saves one large feedback batch whole, in order', async () => {
      const store = await PostgresProfileStore.open(url, { schema });
      const events = Array.from({ length: 2_500 }, (_, index) => feedbackEvent('ann', `m${index}`));
      await store.addFeedback(events);
      expect((await store.feedback('ann')).map((event) => event.itemId)).toEqual(
        events.map((event) => event.itemId),
      );
      await store.close();
    });

    it('two stores saving one session id for different users at once: one wins, the other is refused, nothing is overwritten', async () => {
      const [left, right] = await Promise.all([
        PostgresProfileStore.open(url, { schema }),
        PostgresProfileStore.open(url, { schema }),
      ]);
      const outcomes = await Promise.allSettled([
        left.saveSession(sessionRecord('contested', 'ann')),
        right.saveSession(sessionRecord('contested', 'bob')),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const winner = outcomes[0]?.status === 'fulfilled' ? 'ann' : 'bob';
      expect((await left.loadSession('contested'))?.userId).toBe(winner);
      await Promise.all([left.close(), right.close()]);
    });
  });
});

describe('PostgresProfileStore without a reachable server', () => {
  it('fails with PROFILE_STORE_UNAVAILABLE, retryable, naming the URL with its password masked', async () => {
    const error = await thrownBy(() =>
      PostgresProfileStore.open('postgres://convrec:hunter2-secret@127.0.0.1:1/profiles', {
        connectTimeoutMs: 2_000,
      }),
    );
    expect(error.code).toBe('PROFILE_STORE_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('postgres://convrec:***@127.0.0.1:1/profiles');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses an invalid schema option before connecting', async () => {
    const error = await thrownBy(() =>
      PostgresProfileStore.open('postgres://convrec:pw@127.0.0.1:1/profiles', { schema: 'Robert"; DROP' }),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('schema');
    expect(error.message).not.toContain(':pw@');
  });
});
