/**
 * The schema version both profile stores write (SQLite in `PRAGMA user_version`, Postgres in
 * `convrec_schema_version`): the row mapping of `profile-rows.ts` reads that version's tables.
 */
export const profileSchemaVersion = 1;

/** The `feedback` columns after the dialect's own `seq` key, the same in SQLite and Postgres. */
export const feedbackColumns = `  user_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('liked', 'disliked', 'seen')),
  session_id TEXT NOT NULL,
  turn INTEGER NOT NULL,
  at TEXT NOT NULL,
  text TEXT`;

/** The `summaries` columns, the same in SQLite and Postgres. */
export const summaryColumns = `  user_id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  written_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  feedback_count INTEGER NOT NULL`;

/**
 * Why a store at schema `version` (undefined: no tables yet) must be refused: it was written by a
 * newer convrec. `store` names the kind of store and `instead` what else to use; undefined when
 * this convrec can use (or create) it.
 */
export function newerSchemaMessage(
  version: number | undefined,
  store: 'profile store' | 'profile database',
  instead: string,
): string | undefined {
  if (version === undefined || version <= profileSchemaVersion) return undefined;
  return (
    `the ${store} has schema version ${version}, newer than the version ${profileSchemaVersion} ` +
    `this convrec supports; upgrade convrec or use ${instead}`
  );
}
