import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isPostgresUrl,
  maskProfileLocation,
  openProfileStore,
  SqliteProfileStore,
} from '../../src/profile/index.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir } from '../helpers/toy-catalog.js';

describe('choosing the profile store from CONVREC_PROFILE_DB', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('treats postgres:// and postgresql:// URLs as PostgreSQL and anything else as a SQLite path', () => {
    expect(isPostgresUrl('postgres://u:p@db.example/convrec')).toBe(true);
    expect(isPostgresUrl('POSTGRESQL://db.example/convrec')).toBe(true);
    expect(isPostgresUrl('/home/ann/.local/share/convrec/profiles.sqlite')).toBe(false);
    expect(isPostgresUrl('postgres.db')).toBe(false);
  });

  it('opens a SQLite file for a path', async () => {
    const store = await openProfileStore(join(dir, 'profiles.sqlite'));
    expect(store).toBeInstanceOf(SqliteProfileStore);
    await store.close();
  });

  it('connects to PostgreSQL for a URL, failing with a typed error that never shows the password', async () => {
    const error = await thrownBy(() => openProfileStore('postgresql://ann:top%40secret@127.0.0.1:1/convrec'));
    expect(error.code).toBe('PROFILE_STORE_UNAVAILABLE');
    expect(error.message).toContain('postgresql://ann:***@127.0.0.1:1/convrec');
    expect(error.message).not.toMatch(/top|secret/);
  });

  it('masks passwords in the user info and in a password= parameter, and leaves paths alone', () => {
    expect(maskProfileLocation('postgres://ann:pa:ss@w0rd@db:5432/convrec?sslmode=require')).toBe(
      'postgres://ann:***@db:5432/convrec?sslmode=require',
    );
    expect(maskProfileLocation('postgres://db/convrec?user=ann&password=pw&ssl=true')).toBe(
      'postgres://db/convrec?user=ann&password=***&ssl=true',
    );
    expect(maskProfileLocation('postgres://ann@db/convrec')).toBe('postgres://ann@db/convrec');
    expect(maskProfileLocation('/data/profiles:a@b.sqlite')).toBe('/data/profiles:a@b.sqlite');
  });
});
