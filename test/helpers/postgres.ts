import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL the Postgres tests use: `CONVREC_TEST_POSTGRES_URL` (`.ci/run` starts a throwaway
 * cluster and sets it). Each test works in its own schema, so one database serves every test file.
 */
export const postgresTestUrl = process.env.CONVREC_TEST_POSTGRES_URL?.trim() || undefined;

/** Appended to the names of skipped Postgres suites, so the report says why they did not run. */
export const postgresSkipReason = postgresTestUrl
  ? ''
  : ' — skipped: set CONVREC_TEST_POSTGRES_URL=postgres://user@host:port/db to run against a real PostgreSQL';

/** A schema name no other test uses. */
export function uniqueSchema(prefix = 'convrec_test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Runs `action` with a plain client on the test database, as another program (or a bug) could. */
export async function withTestDatabase<Result>(
  action: (client: pg.Client) => Promise<Result>,
): Promise<Result> {
  const client = new pg.Client({ connectionString: postgresTestUrl });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it. */
export function dropSchema(schema: string): Promise<void> {
  return withTestDatabase(async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
}
