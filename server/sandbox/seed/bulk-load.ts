import type { Database } from '../db/open-database';

/**
 * Runs a bulk load with settings made for it, restoring the database's own afterwards:
 *
 * - a 512 MiB page cache, so the index pages the inserts touch stay in memory;
 * - into an empty file database, a rollback journal in memory and `synchronous = OFF`
 *   instead of WAL: every page is written once, straight into the file, with no fsync.
 *   `empty` means the database holds no messages yet (first start): a crash during the
 *   load can then cost the seed and the workspace settings, never a message a client was
 *   told was accepted; an OS crash right after it may lose seeded rows;
 * - otherwise (WAL stays): a checkpoint every ~256 MiB of WAL instead of every 4 MiB.
 */
export function withBulkLoadSettings<T>(db: Database, empty: boolean, load: () => T): T {
  const pragma = (name: string): string => String(db.pragma(name, { simple: true }));
  const saved = {
    cacheSize: pragma('cache_size'),
    autoCheckpoint: pragma('wal_autocheckpoint'),
    synchronous: pragma('synchronous'),
  };
  const wal = pragma('journal_mode') === 'wal';
  db.pragma('cache_size = -524288');
  db.pragma('wal_autocheckpoint = 65536');
  // Leaving WAL needs the only connection; when another one holds the file, WAL stays.
  const unjournaled =
    wal && empty && db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  if (unjournaled) {
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
  }
  try {
    return load();
  } finally {
    if (unjournaled) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${saved.synchronous}`);
    db.pragma(`cache_size = ${saved.cacheSize}`);
    db.pragma(`wal_autocheckpoint = ${saved.autoCheckpoint}`);
  }
}
