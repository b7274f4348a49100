import type Database from 'better-sqlite3';
import { ConvrecError } from '../errors/index.js';
import {
  feedbackColumns,
  newerSchemaMessage,
  profileSchemaVersion,
  summaryColumns,
} from './profile-tables.js';

const createTables = `
CREATE TABLE IF NOT EXISTS feedback (
  seq INTEGER PRIMARY KEY,
${feedbackColumns}
);
CREATE INDEX IF NOT EXISTS feedback_by_user ON feedback (user_id, at, seq);
CREATE TABLE IF NOT EXISTS summaries (
${summaryColumns}
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
  const refused = newerSchemaMessage(version, 'profile store', 'another profile file');
  if (refused) throw new ConvrecError('PROFILE_STORE_FAILED', `${path}: ${refused}`);
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
