import type BetterSqlite3 from 'better-sqlite3';
import { mediaSchema } from '../media/media-migration';
import { coreSchema } from './migration-001-core';

/**
 * One step of the schema. Migration number `i` (1-based position in {@link migrations})
 * moves `PRAGMA user_version` from `i - 1` to `i`, in one transaction with its `up`.
 */
export interface Migration {
  /** Short description, shown in errors. */
  readonly name: string;
  /** Runs inside the migration's transaction; synchronous. */
  up(db: BetterSqlite3.Database): void;
}

/**
 * The sandbox's migrations, oldest first. Append only: never edit or reorder a released
 * entry (databases on disk remember how far they got by position).
 */
export const migrations: readonly Migration[] = [coreSchema, mediaSchema];

/** The schema version a database reaches with `list`. */
export function latestVersion(list: readonly Migration[] = migrations): number {
  return list.length;
}

/** Reads `PRAGMA user_version`. */
export function schemaVersion(db: BetterSqlite3.Database): number {
  const version = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

/**
 * Applies every migration the database has not seen yet, each in its own transaction.
 * A database newer than this code (user_version beyond the list) is refused rather than
 * silently misread.
 */
export function migrate(db: BetterSqlite3.Database, list: readonly Migration[] = migrations): void {
  const current = schemaVersion(db);
  if (current > list.length) {
    throw new Error(
      `sandbox database is at schema version ${current}, newer than this build knows (${list.length})`,
    );
  }
  list.slice(current).forEach((migration, offset) => {
    const version = current + offset + 1;
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; `version` is an integer we computed.
      db.pragma(`user_version = ${version}`);
    })();
  });
}
