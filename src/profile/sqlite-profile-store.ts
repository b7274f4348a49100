import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ConvrecError } from '../errors/index.js';
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
import { checkFeedback, checkSession, checkSessionOwner, checkSummary } from './profile-schemas.js';
import { migrateProfileSchema } from './sqlite-schema.js';

/**
 * How long a statement waits for another process's write lock before failing with SQLITE_BUSY. Writes
 * take milliseconds, so five seconds covers dozens of parallel `convrec ask` runs on one file.
 */
export const profileStoreBusyTimeoutMs = 5_000;

export interface SqliteProfileStoreOptions {
  /** ISO time now, stamped on saved session rows; injected so tests are deterministic. */
  now?: () => string;
}

function statements(database: Database.Database) {
  return {
    insertFeedback: database.prepare<[string, string, string, string, number, string, string | null]>(
      'INSERT INTO feedback (user_id, item_id, kind, session_id, turn, at, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    selectFeedback: database.prepare<[string], FeedbackRow>(
      'SELECT user_id, item_id, kind, session_id, turn, at, text FROM feedback WHERE user_id = ? ORDER BY at, seq',
    ),
    selectSummary: database.prepare<[string], SummaryRow>(
      'SELECT text, written_by, updated_at, feedback_count FROM summaries WHERE user_id = ?',
    ),
    upsertSummary: database.prepare<[string, string, string, string, number]>(
      `INSERT INTO summaries (user_id, text, written_by, updated_at, feedback_count) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET text = excluded.text, written_by = excluded.written_by,
         updated_at = excluded.updated_at, feedback_count = excluded.feedback_count`,
    ),
    selectSession: database.prepare<[string], SessionRow>(
      'SELECT id, user_id, payload FROM sessions WHERE id = ?',
    ),
    upsertSession: database.prepare<[string, string, string, string]>(
      `INSERT INTO sessions (id, user_id, payload, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at`,
    ),
    deleteFeedback: database.prepare<[string]>('DELETE FROM feedback WHERE user_id = ?'),
    deleteSummary: database.prepare<[string]>('DELETE FROM summaries WHERE user_id = ?'),
    deleteSessions: database.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?'),
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * A ProfileStore in one SQLite file (WAL mode), or in memory with the path `':memory:'`. Several
 * processes may share the file: every write transaction takes the write lock up front (`BEGIN
 * IMMEDIATE`), so it waits for another writer (up to profileStoreBusyTimeoutMs) instead of failing
 * when a read inside it would have to be upgraded.
 */
export class SqliteProfileStore implements ProfileStore {
  readonly path: string;
  readonly #database: Database.Database;
  readonly #statements: ReturnType<typeof statements>;
  readonly #now: () => string;

  private constructor(path: string, database: Database.Database, now: () => string) {
    this.path = path;
    this.#database = database;
    this.#statements = statements(database);
    this.#now = now;
  }

  /**
   * Opens or creates the store at `path`, creating parent folders; a file written by a newer convrec,
   * or one SQLite cannot open, is refused with PROFILE_STORE_FAILED naming the file.
   */
  static open(path: string, options: SqliteProfileStoreOptions = {}): SqliteProfileStore {
    const now = options.now ?? (() => new Date().toISOString());
    let database: Database.Database | undefined;
    try {
      if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
      database = new Database(path, { timeout: profileStoreBusyTimeoutMs });
      // Switching to WAL takes an exclusive lock; a file already in WAL (the mode persists) skips it.
      if (database.pragma('journal_mode', { simple: true }) !== 'wal') database.pragma('journal_mode = WAL');
      migrateProfileSchema(database, path);
      return new SqliteProfileStore(path, database, now);
    } catch (error) {
      database?.close();
      if (error instanceof ConvrecError) throw error;
      throw new ConvrecError(
        'PROFILE_STORE_FAILED',
        `${path}: cannot open the profile store: ${(error as Error).message}`,
        { cause: error, retryable: isBusy(error) },
      );
    }
  }

  async addFeedback(events: FeedbackEvent[]): Promise<void> {
    const checked = checkFeedback(events);
    this.#write('save feedback', () => {
      for (const event of checked) this.#statements.insertFeedback.run(...feedbackRowValues(event));
    });
  }

  async feedback(userId: string): Promise<FeedbackEvent[]> {
    const rows = this.#run('read feedback', () => this.#statements.selectFeedback.all(userId));
    return feedbackFromRows(rows, userId, this.path);
  }

  async summary(userId: string): Promise<ProfileSummary | undefined> {
    return summaryFromRow(
      this.#run('read the profile summary', () => this.#statements.selectSummary.get(userId)),
    );
  }

  async saveSummary(userId: string, summary: ProfileSummary): Promise<void> {
    const checked = checkSummary(summary);
    this.#run('save the profile summary', () =>
      this.#statements.upsertSummary.run(...summaryRowValues(userId, checked)),
    );
  }

  async saveSession(session: SessionRecord): Promise<void> {
    const checked = checkSession(session);
    this.#write(`save session "${checked.id}"`, () => {
      checkSessionOwner(checked, this.#statements.selectSession.get(checked.id)?.user_id);
      this.#statements.upsertSession.run(checked.id, checked.userId, JSON.stringify(checked), this.#now());
    });
  }

  async loadSession(id: string): Promise<SessionRecord | undefined> {
    const row = this.#run(`read session "${id}"`, () => this.#statements.selectSession.get(id));
    return row && sessionFromRow(row, this.path);
  }

  async forget(userId: string): Promise<void> {
    this.#write(`forget user "${userId}"`, () => {
      this.#statements.deleteFeedback.run(userId);
      this.#statements.deleteSummary.run(userId);
      this.#statements.deleteSessions.run(userId);
    });
  }

  async close(): Promise<void> {
    if (this.#database.open) this.#database.close();
  }

  /**
   * Runs `body` in a write transaction that takes the write lock when it begins (`BEGIN IMMEDIATE`):
   * a deferred one that reads first fails at once with SQLITE_BUSY when another process committed
   * in between, whatever the busy timeout.
   */
  #write(action: string, body: () => void): void {
    this.#run(action, () => this.#database.transaction(body).immediate());
  }

  /** Runs a statement, turning SQLite errors into PROFILE_STORE_FAILED naming the file. */
  #run<Result>(action: string, statement: () => Result): Result {
    if (!this.#database.open) {
      throw new ConvrecError(
        'PROFILE_STORE_FAILED',
        `${this.path}: cannot ${action}: the profile store is closed`,
      );
    }
    try {
      return statement();
    } catch (error) {
      if (error instanceof ConvrecError) throw error;
      throw new ConvrecError(
        'PROFILE_STORE_FAILED',
        `${this.path}: cannot ${action}: ${(error as Error).message}`,
        {
          cause: error,
          retryable: isBusy(error),
        },
      );
    }
  }
}
