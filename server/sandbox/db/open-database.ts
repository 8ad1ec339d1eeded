import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, migrations, type Migration } from './migrations';

/** The sandbox's SQLite handle (better-sqlite3: synchronous, one connection per process). */
export type Database = BetterSqlite3.Database;

/** The file the sandbox keeps inside `--data-dir`. */
export const DATABASE_FILE = 'sandbox.db';

export interface OpenDatabaseOptions {
  /** Migrations to apply; defaults to the sandbox's list. Tests may pass a prefix. */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating when needed) `<dataDir>/sandbox.db`, or an in-memory database when
 * `dataDir` is `':memory:'`, sets the pragmas and brings the schema up to date.
 *
 * Pragmas:
 * - `journal_mode = WAL`: readers never block the writer; one fsync per checkpoint.
 * - `synchronous = NORMAL`: in WAL mode a commit is written to the WAL file (the OS page
 *   cache) before `COMMIT` returns; only the fsync is deferred to the checkpoint. A
 *   process crash — even SIGKILL right after a 202 — therefore loses nothing; only an OS
 *   crash or power cut can lose the last transactions. That is the durability the sandbox
 *   promises ("committed before the 202 is sent"), at a fraction of FULL's cost.
 * - `wal_autocheckpoint = 10000` pages (about 40 MiB of WAL) rather than 1000: a checkpoint
 *   copies each page once however often it changed since the last one, and fsyncs twice,
 *   so under a stream of sends ten times fewer of them cost a quarter less CPU and most of
 *   the waiting. Durability is the same (a committed transaction is in the WAL either way).
 * - `foreign_keys = ON`, `busy_timeout` for a second process (the CLI) touching the file,
 *   a 64 MiB page cache and in-memory temp tables.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Database {
  const inMemory = dataDir === ':memory:';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(inMemory ? ':memory:' : join(dataDir, DATABASE_FILE));
  try {
    if (!inMemory) {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 10000');
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    migrate(db, options.migrations ?? migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
