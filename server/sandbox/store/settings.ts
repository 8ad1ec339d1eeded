import type { Database } from '../db/open-database';

/**
 * The `settings` key/value rows (workspace id, access key; the media helper keeps its upload
 * secret here too). Read and written a handful of times per process, at start-up, so each
 * call prepares its statement rather than keeping one per database.
 */

/** Names of the rows in `settings`. */
export const SETTING = {
  workspaceId: 'workspace_id',
  accessKey: 'access_key',
} as const;

/** A stored setting, or `undefined`. */
export function getSetting(db: Database, key: string): string | undefined {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(key);
  return row?.value;
}

/** Stores a setting, replacing any previous value. */
export function setSetting(db: Database, key: string, value: string): void {
  db.prepare<{ key: string; value: string }>(
    'INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run({ key, value });
}

/** The stored value of `key`, creating it with `create()` first when absent (atomically). */
export function getOrCreateSetting(db: Database, key: string, create: () => string): string {
  return db
    .transaction(() => {
      const existing = getSetting(db, key);
      if (existing !== undefined) return existing;
      const value = create();
      setSetting(db, key, value);
      return value;
    })
    .immediate();
}
