import type Database from 'better-sqlite3';
import { ConvrecError } from '../errors/index.js';

/** The schema version this code writes, kept in `PRAGMA user_version`. */
export const profileSchemaVersion = 1;

const createTables = `
CREATE TABLE IF NOT EXISTS feedback (
  seq INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('liked', 'disliked', 'seen')),
  session_id TEXT NOT NULL,
  turn INTEGER NOT NULL,
  at TEXT NOT NULL,
  text TEXT
);
CREATE INDEX IF NOT EXISTS feedback_by_user ON feedback (user_id, at, seq);
CREATE TABLE IF NOT EXISTS summaries (
  user_id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  written_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  feedback_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id, updated_at);
`;

/**
 * Creates the tables of a new file and refuses a file written by a newer convrec, naming the file.
 */
export function migrateProfileSchema(database: Database.Database, path: string): void {
  const version = database.pragma('user_version', { simple: true });
  if (typeof version !== 'number') {
    throw new ConvrecError('PROFILE_STORE_FAILED', `${path}: cannot read the profile store's schema version`);
  }
  if (version > profileSchemaVersion) {
    throw new ConvrecError(
      'PROFILE_STORE_FAILED',
      `${path}: the profile store has schema version ${version}, newer than the version ${profileSchemaVersion} this convrec supports; upgrade convrec or use another profile file`,
    );
  }
  if (version === profileSchemaVersion) return;
  // Another process may be creating the same new file: take the write lock, then look again.
  database
    .transaction(() => {
      if (database.pragma('user_version', { simple: true }) === profileSchemaVersion) return;
      database.exec(createTables);
      database.pragma(`user_version = ${profileSchemaVersion}`);
    })
    .immediate();
}
