import { Pool, type PoolClient } from 'pg';
import { z } from 'zod';
import { ConvrecError, ProfileStoreError } from '../errors/index.js';
import type { FeedbackEvent, ProfileStore, ProfileSummary, SessionRecord } from './profile-store.js';
import {
  feedbackFromRows,
  feedbackRowValues,
  sessionFromRow,
  summaryFromRow,
  summaryRowValues,
  type FeedbackRow,
  type SessionRow,
  type SummaryRow,
} from './profile-rows.js';
import { checkFeedback, checkSession, checkSummary, describeIssue } from './profile-schemas.js';
import { maskProfileLocation, urlSecrets } from './profile-location.js';
import { describePostgresError, postgresFailure } from './postgres-errors.js';
import {
  migratePostgresProfileSchema,
  postgresProfileTables,
  type PostgresProfileTables,
} from './postgres-schema.js';

export interface PostgresProfileStoreOptions {
  /** Postgres schema for the tables, created when missing (default: the connection's search_path). */
  schema?: string;
  /** Connections the pool keeps open at most (default 4). */
  maxConnections?: number;
  /** How long to wait for a connection before PROFILE_STORE_UNAVAILABLE (default 5,000 ms). */
  connectTimeoutMs?: number;
  /** ISO time now, stamped on saved session rows; injected so tests are deterministic. */
  now?: () => string;
}

const optionsSchema = z.object({
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case identifier (letters, digits, _)')
    .optional(),
  maxConnections: z.number().int().min(1).max(100).default(4),
  connectTimeoutMs: z.number().int().positive().default(5_000),
});

/** Rows inserted per statement: 7 parameters each stays far below Postgres's 65,535. */
const feedbackRowsPerInsert = 1_000;

/**
 * A ProfileStore in a PostgreSQL database, shared by any number of processes and machines. Feedback is
 * appended, summaries and sessions are single-statement upserts (a session's owner is checked in the
 * same statement), and forgetting a user is one transaction, so concurrent writers neither lose
 * updates nor wait on each other beyond a row lock.
 */
export class PostgresProfileStore implements ProfileStore {
  /** The connection URL with its password masked. */
  readonly location: string;
  readonly #pool: Pool;
  readonly #tables: PostgresProfileTables;
  readonly #secrets: string[];
  readonly #now: () => string;
  #closed = false;

  private constructor(url: string, pool: Pool, tables: PostgresProfileTables, now: () => string) {
    this.location = maskProfileLocation(url);
    this.#pool = pool;
    this.#tables = tables;
    this.#secrets = urlSecrets(url);
    this.#now = now;
  }

  /**
   * Connects to the database at `url` (`postgres://user:password@host:port/database`) and creates
   * the tables on first use. An unreachable server or refused login fails with
   * PROFILE_STORE_UNAVAILABLE, a database written by a newer convrec with PROFILE_STORE_FAILED; the
   * message names the URL with its password masked.
   */
  static async open(url: string, options: PostgresProfileStoreOptions = {}): Promise<PostgresProfileStore> {
    const location = maskProfileLocation(url);
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) {
      throw new ConvrecError(
        'CONFIG_INVALID',
        `${location}: invalid Postgres profile store option: ${describeIssue(parsed.error)}`,
      );
    }
    const { schema, maxConnections, connectTimeoutMs } = parsed.data;
    const tables = postgresProfileTables(schema);
    const pool = new Pool({
      connectionString: url,
      max: maxConnections,
      connectionTimeoutMillis: connectTimeoutMs,
      application_name: 'convrec',
      // A program that forgets close() still exits once its connections are idle.
      allowExitOnIdle: true,
    });
    // An idle connection the server drops emits 'error' on the pool; the next query reports it.
    pool.on('error', () => {});
    const store = new PostgresProfileStore(
      url,
      pool,
      tables,
      options.now ?? (() => new Date().toISOString()),
    );
    let client: PoolClient | undefined;
    try {
      client = await store.#connect('connect to the profile database');
      const refused = await migratePostgresProfileSchema(client, tables);
      if (refused) throw new ProfileStoreError('PROFILE_STORE_FAILED', refused, location);
      client.release();
      return store;
    } catch (error) {
      client?.release(true);
      await store.close();
      throw store.#wrap('create the profile tables', error);
    }
  }

  async addFeedback(events: FeedbackEvent[]): Promise<void> {
    const checked = checkFeedback(events);
    if (checked.length === 0) return;
    await this.#transaction('save feedback', async (client) => {
      for (let start = 0; start < checked.length; start += feedbackRowsPerInsert) {
        const batch = checked.slice(start, start + feedbackRowsPerInsert);
        const values = batch.map(
          (_, row) => `(${[1, 2, 3, 4, 5, 6, 7].map((column) => `$${row * 7 + column}`)})`,
        );
        await client.query(
          `INSERT INTO ${this.#tables.feedback} (user_id, item_id, kind, session_id, turn, at, text) VALUES ${values.join(', ')}`,
          batch.flatMap(feedbackRowValues),
        );
      }
    });
  }

  async feedback(userId: string): Promise<FeedbackEvent[]> {
    const rows = await this.#query<FeedbackRow>(
      'read feedback',
      `SELECT user_id, item_id, kind, session_id, turn, at, text FROM ${this.#tables.feedback}
       WHERE user_id = $1 ORDER BY at, seq`,
      [userId],
    );
    return feedbackFromRows(rows, userId, this.location);
  }

  async summary(userId: string): Promise<ProfileSummary | undefined> {
    const [row] = await this.#query<SummaryRow>(
      'read the profile summary',
      `SELECT text, written_by, updated_at, feedback_count FROM ${this.#tables.summaries} WHERE user_id = $1`,
      [userId],
    );
    return summaryFromRow(row);
  }

  async saveSummary(userId: string, summary: ProfileSummary): Promise<void> {
    const checked = checkSummary(summary);
    await this.#query(
      'save the profile summary',
      `INSERT INTO ${this.#tables.summaries} (user_id, text, written_by, updated_at, feedback_count)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET text = excluded.text, written_by = excluded.written_by,
         updated_at = excluded.updated_at, feedback_count = excluded.feedback_count`,
      summaryRowValues(userId, checked),
    );
  }

  async saveSession(session: SessionRecord): Promise<void> {
    const checked = checkSession(session);
    // The update applies only to the owner's row: no row back means another user holds the id.
    const saved = await this.#query(
      `save session "${checked.id}"`,
      `INSERT INTO ${this.#tables.sessions} AS saved (id, user_id, payload, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at
         WHERE saved.user_id = excluded.user_id
       RETURNING id`,
      [checked.id, checked.userId, JSON.stringify(checked), this.#now()],
    );
    if (saved.length === 0) {
      throw new ProfileStoreError(
        'PROFILE_STORE_FAILED',
        `session "${checked.id}" belongs to another user; it cannot be saved for user "${checked.userId}"`,
        this.location,
      );
    }
  }

  async loadSession(id: string): Promise<SessionRecord | undefined> {
    const [row] = await this.#query<SessionRow>(
      `read session "${id}"`,
      `SELECT id, user_id, payload FROM ${this.#tables.sessions} WHERE id = $1`,
      [id],
    );
    return row && sessionFromRow(row, this.location);
  }

  async forget(userId: string): Promise<void> {
    await this.#transaction(`forget user "${userId}"`, async (client) => {
      for (const table of [this.#tables.feedback, this.#tables.summaries, this.#tables.sessions]) {
        await client.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
      }
    });
  }

  /** Ends the pool's connections; later calls do nothing. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  async #query<Row extends object>(action: string, text: string, values: unknown[]): Promise<Row[]> {
    this.#checkOpen(action);
    try {
      return (await this.#pool.query<Row>(text, values)).rows;
    } catch (error) {
      throw this.#wrap(action, error);
    }
  }

  /** Runs `body` on one connection between BEGIN and COMMIT, rolling back when it fails. */
  async #transaction(action: string, body: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.#connect(action);
    try {
      await client.query('BEGIN');
      await body(client);
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      // A connection whose rollback fails is broken: destroy it rather than return it to the pool.
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(!rolledBack);
      throw this.#wrap(action, error);
    }
  }

  async #connect(action: string): Promise<PoolClient> {
    this.#checkOpen(action);
    try {
      return await this.#pool.connect();
    } catch (error) {
      throw this.#wrap(action, error, 'PROFILE_STORE_UNAVAILABLE');
    }
  }

  #checkOpen(action: string): void {
    if (this.#closed) {
      throw new ProfileStoreError(
        'PROFILE_STORE_FAILED',
        `cannot ${action}: the profile store is closed`,
        this.location,
      );
    }
  }

  /** A driver error as a ProfileStoreError naming the masked URL and never the password. */
  #wrap(action: string, error: unknown, code?: 'PROFILE_STORE_UNAVAILABLE'): ConvrecError {
    if (error instanceof ConvrecError) return error;
    const failure = postgresFailure(error);
    let message = describePostgresError(error);
    for (const secret of this.#secrets) message = message.replaceAll(secret, '***');
    return new ProfileStoreError(code ?? failure.code, `cannot ${action}: ${message}`, this.location, {
      cause: error,
      retryable: failure.retryable,
    });
  }
}
