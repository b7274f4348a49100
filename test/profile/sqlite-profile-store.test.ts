import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteProfileStore } from '../../src/profile/index.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir, writeText } from '../helpers/toy-catalog.js';
import { describeProfileStore, feedbackEvent, sessionRecord } from './profile-store-suite.js';

let cleanupFile = async () => {};
describeProfileStore(
  'SqliteProfileStore on a file',
  async () => {
    const { dir, cleanup } = await tempDir();
    cleanupFile = cleanup;
    return SqliteProfileStore.open(join(dir, 'profiles.db'));
  },
  () => cleanupFile(),
);

describeProfileStore('SqliteProfileStore in memory', () => SqliteProfileStore.open(':memory:'));

describe('SqliteProfileStore on disk', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });

  afterEach(() => cleanup());

  /** Runs `action` on the raw SQLite file, as another program (or a bug) could. */
  function withRawFile(file: string, action: (database: Database.Database) => void): void {
    const database = new Database(file);
    try {
      action(database);
    } finally {
      database.close();
    }
  }

  it('keeps feedback, summaries and sessions across close and reopen, creating parent folders', async () => {
    const file = join(dir, 'nested', 'deeper', 'profiles.db');
    const first = SqliteProfileStore.open(file);
    await first.addFeedback([feedbackEvent('ann', 'm4', { text: 'Heat was great' })]);
    await first.saveSummary('ann', {
      text: 'Likes: Heat (1995).',
      writtenBy: 'offline',
      updatedAt: 't',
      feedbackCount: 1,
    });
    await first.saveSession(sessionRecord('s1', 'ann'));
    await first.close();

    const second = SqliteProfileStore.open(file);
    expect(await second.feedback('ann')).toEqual([feedbackEvent('ann', 'm4', { text: 'Heat was great' })]);
    expect(await second.summary('ann')).toEqual({
      text: 'Likes: Heat (1995).',
      writtenBy: 'offline',
      updatedAt: 't',
      feedbackCount: 1,
    });
    expect(await second.loadSession('s1')).toEqual(sessionRecord('s1', 'ann'));
    await second.close();
  });

  it('opens the file in WAL mode with the current schema version', async () => {
    const file = join(dir, 'profiles.db');
    const store = SqliteProfileStore.open(file);
    withRawFile(file, (database) => {
      expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(database.pragma('user_version', { simple: true })).toBe(1);
    });
    await store.close();
  });

  it('stamps saved session rows with the injected clock', async () => {
    const file = join(dir, 'profiles.db');
    const store = SqliteProfileStore.open(file, { now: () => '2030-05-06T07:08:09.000Z' });
    await store.saveSession(sessionRecord('s1', 'ann'));
    await store.close();
    withRawFile(file, (database) => {
      expect(database.prepare('SELECT updated_at FROM sessions WHERE id = ?').pluck().get('s1')).toBe(
        '2030-05-06T07:08:09.000Z',
      );
    });
  });

  it('refuses a file written by a newer schema version, naming the file', async () => {
    const file = join(dir, 'future.db');
    withRawFile(file, (database) => database.pragma('user_version = 7'));
    const error = await thrownBy(() => SqliteProfileStore.open(file));
    expect(error.code).toBe('PROFILE_STORE_FAILED');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/schema version 7.*newer/);
  });

  it('refuses a file that is not a SQLite database, naming the file', async () => {
    const file = await writeText(dir, 'notes.db', 'this is not a database, just some text\n'.repeat(40));
    const error = await thrownBy(() => SqliteProfileStore.open(file));
    expect(error.code).toBe('PROFILE_STORE_FAILED');
    expect(error.message).toContain(file);
  });

  it('reports a corrupt session row as PROFILE_STORE_FAILED naming the session, and stays usable', async () => {
    const file = join(dir, 'profiles.db');
    const store = SqliteProfileStore.open(file);
    await store.saveSession(sessionRecord('broken-json', 'ann'));
    await store.saveSession(sessionRecord('wrong-shape', 'ann'));
    await store.saveSession(sessionRecord('fine', 'ann'));
    withRawFile(file, (database) => {
      database
        .prepare('UPDATE sessions SET payload = ? WHERE id = ?')
        .run('{"id": "broken-json", ', 'broken-json');
      database
        .prepare('UPDATE sessions SET payload = ? WHERE id = ?')
        .run(JSON.stringify({ ...sessionRecord('wrong-shape', 'ann'), turns: 'two' }), 'wrong-shape');
    });

    const malformed = await thrownBy(() => store.loadSession('broken-json'));
    expect(malformed.code).toBe('PROFILE_STORE_FAILED');
    expect(malformed.message).toContain('session "broken-json"');
    const invalid = await thrownBy(() => store.loadSession('wrong-shape'));
    expect(invalid.code).toBe('PROFILE_STORE_FAILED');
    expect(invalid.message).toContain('session "wrong-shape"');
    expect(invalid.message).toContain('turns');
    expect(await store.loadSession('fine')).toEqual(sessionRecord('fine', 'ann'));
    await store.close();
  });
});
