import type { ProfileStore } from './profile-store.js';
import { isPostgresUrl } from './profile-location.js';

export interface OpenProfileStoreOptions {
  /** ISO time now, stamped on saved session rows. */
  now?: () => string;
}

/**
 * Opens the profile store `location` names: a `postgres://` or `postgresql://` URL opens a
 * PostgresProfileStore (tables created on first use), anything else is a SQLite file path. Each
 * driver is loaded only when chosen.
 */
export async function openProfileStore(
  location: string,
  options: OpenProfileStoreOptions = {},
): Promise<ProfileStore> {
  if (isPostgresUrl(location)) {
    const { PostgresProfileStore } = await import('./postgres-profile-store.js');
    return PostgresProfileStore.open(location.trim(), options);
  }
  const { SqliteProfileStore } = await import('./sqlite-profile-store.js');
  return SqliteProfileStore.open(location, options);
}
