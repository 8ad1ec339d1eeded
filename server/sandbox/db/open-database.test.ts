import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type Database } from './open-database';
import { migrations, schemaVersion, type Migration } from './migrations';

const dirs: string[] = [];
const dbs: Database[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'perch-db-'));
  dirs.push(dir);
  return dir;
}
function open(dir: string, list?: readonly Migration[]): Database {
  const db = openDatabase(dir, list ? { migrations: list } : {});
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const extra: Migration = {
  name: 'extra table',
  up: (db) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)'),
};

describe('openDatabase', () => {
  it('creates sandbox.db in the data dir, in WAL mode with foreign keys', () => {
    const dir = join(tempDir(), 'nested');
    const db = open(dir);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    expect(schemaVersion(db)).toBe(migrations.length);
  });

  it('keeps the database in memory for :memory:', () => {
    const db = open(':memory:');
    expect(db.memory).toBe(true);
    expect(schemaVersion(db)).toBe(migrations.length);
  });

  it('applies only migrations the database has not seen, each once', () => {
    const dir = tempDir();
    open(dir).close();
    const db = open(dir, [...migrations, extra]);
    expect(schemaVersion(db)).toBe(migrations.length + 1);
    db.close();
    const again = open(dir, [...migrations, extra]);
    expect(again.prepare('SELECT count(*) AS n FROM extra').get()).toEqual({ n: 0 });
  });

  it('rolls a failing migration back, version included', () => {
    const dir = tempDir();
    const broken: Migration = {
      name: 'broken',
      up: (db) => db.exec('CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table'),
    };
    expect(() => open(dir, [...migrations, broken])).toThrow(/no_such_table/);
    const db = open(dir);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a database newer than the code', () => {
    const dir = tempDir();
    open(dir, [...migrations, extra]).close();
    expect(() => open(dir)).toThrow(/newer than this build/);
  });
});
