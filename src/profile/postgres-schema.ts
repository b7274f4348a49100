import type { PoolClient } from 'pg';
import {
  feedbackColumns,
  newerSchemaMessage,
  profileSchemaVersion,
  summaryColumns,
} from './profile-tables.js';

/** Table names, qualified with the configured schema when there is one. */
export interface PostgresProfileTables {
  schema: string | undefined;
  version: string;
  feedback: string;
  summaries: string;
  sessions: string;
}

/** Tables are prefixed `convrec_` so they can live in an existing database next to other tables. */
export function postgresProfileTables(schema?: string): PostgresProfileTables {
  const qualify = (table: string) => (schema === undefined ? table : `"${schema}".${table}`);
  return {
    schema,
    version: qualify('convrec_schema_version'),
    feedback: qualify('convrec_feedback'),
    summaries: qualify('convrec_summaries'),
    sessions: qualify('convrec_sessions'),
  };
}

/** Index names take the table's schema, so they are never qualified. */
function createTables(tables: PostgresProfileTables): string {
  return `
${tables.schema === undefined ? '' : `CREATE SCHEMA IF NOT EXISTS "${tables.schema}";`}
CREATE TABLE IF NOT EXISTS ${tables.version} (
  singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  version INTEGER NOT NULL,
  migrated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS ${tables.feedback} (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
${feedbackColumns}
);
CREATE INDEX IF NOT EXISTS convrec_feedback_by_user ON ${tables.feedback} (user_id, at, seq);
CREATE TABLE IF NOT EXISTS ${tables.summaries} (
${summaryColumns}
);
CREATE TABLE IF NOT EXISTS ${tables.sessions} (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS convrec_sessions_by_user ON ${tables.sessions} (user_id, updated_at);
`;
}

async function readVersion(client: PoolClient, tables: PostgresProfileTables): Promise<number | undefined> {
  const exists = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [
    tables.version,
  ]);
  if (!exists.rows[0]?.found) return undefined;
  const row = await client.query<{ version: number }>(`SELECT version FROM ${tables.version}`);
  return row.rows[0]?.version;
}

/**
 * Creates the tables on first use and refuses a database written by a newer convrec. Processes
 * opening a new database at once serialize on an advisory lock, since concurrent `CREATE TABLE IF
 * NOT EXISTS` can fail on Postgres's catalog constraints; DDL is transactional, so a crash leaves
 * either every table and the version row, or none. Returns a message when the version is newer.
 */
export async function migratePostgresProfileSchema(
  client: PoolClient,
  tables: PostgresProfileTables,
): Promise<string | undefined> {
  const newer = (version: number | undefined) =>
    newerSchemaMessage(version, 'profile database', 'another database');
  const found = await readVersion(client, tables);
  if (found === profileSchemaVersion || newer(found)) return newer(found);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `convrec profile schema ${tables.version}`,
    ]);
    await client.query(createTables(tables));
    await client.query(
      `INSERT INTO ${tables.version} (singleton, version) VALUES (TRUE, $1) ON CONFLICT (singleton) DO NOTHING`,
      [profileSchemaVersion],
    );
    const refused = newer(await readVersion(client, tables));
    await client.query(refused ? 'ROLLBACK' : 'COMMIT');
    return refused;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
