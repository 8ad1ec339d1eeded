import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { channelSchema } from '../../../src/lib/bird/channel';
import { openDatabase, type Database } from '../db/open-database';
import { createChannelStore } from './channels';
import { decodePageToken } from './page-token';
import { ensureWorkspace, getOrCreateAccessKey } from './workspace';

const dirs: string[] = [];
const dbs: Database[] = [];
function open(dir = ':memory:'): Database {
  const db = openDatabase(dir);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('workspace', () => {
  it('creates one workspace with four channels, valid by the shared schema', () => {
    const db = open();
    const ws = ensureWorkspace(db, new ManualClock());
    expect(ws.id).toMatch(/^[0-9a-f-]{36}$/);
    const { sms, whatsapp, email, telegram } = ws.channels;
    for (const channel of [sms, whatsapp, email, telegram]) channelSchema.parse(channel);
    expect([sms.platformId, sms.status]).toEqual(['sms-messagebird', 'active']);
    expect([whatsapp.platformId, whatsapp.status]).toEqual(['whatsapp', 'active']);
    expect([email.platformId, email.status]).toEqual(['email-messagebird', 'active']);
    expect(email.identifier).not.toContain('@');
    expect([telegram.platformId, telegram.status]).toEqual(['telegram', 'inactive']);
  });

  it('keeps the same workspace, channels and access key across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perch-ws-'));
    dirs.push(dir);
    const first = open(dir);
    const ws = ensureWorkspace(first, new ManualClock());
    const key = getOrCreateAccessKey(first);
    first.close();
    const again = open(dir);
    expect(ensureWorkspace(again, new ManualClock(Date.parse('2030-01-01T00:00:00.000Z')))).toEqual(
      ws,
    );
    expect(getOrCreateAccessKey(again)).toBe(key);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(getOrCreateAccessKey(again, 'given-key')).toBe('given-key');
    expect(getOrCreateAccessKey(again)).toBe(key);
  });

  it('lists channels with filters and pages', () => {
    const db = open();
    const ws = ensureWorkspace(db, new ManualClock());
    const channels = createChannelStore(db);
    const ids = (page: { results: { id: string }[] }) => page.results.map((c) => c.id);
    const { sms, whatsapp, email, telegram } = ws.channels;
    expect(ids(channels.list({ limit: 10 }))).toEqual([telegram.id, email.id, whatsapp.id, sms.id]);
    expect(ids(channels.list({ limit: 10, reverse: true }))).toEqual([
      sms.id,
      whatsapp.id,
      email.id,
      telegram.id,
    ]);
    expect(ids(channels.list({ limit: 10, status: 'active' }))).toEqual([
      email.id,
      whatsapp.id,
      sms.id,
    ]);
    expect(ids(channels.list({ limit: 10, platform: 'telegram' }))).toEqual([telegram.id]);
    expect(ids(channels.list({ limit: 10, platform: 'whatsapp', status: 'inactive' }))).toEqual([]);
    const first = channels.list({ limit: 3 });
    expect(ids(first)).toHaveLength(3);
    const rest = channels.list({ limit: 3, after: decodePageToken(first.nextPageToken ?? '') });
    expect(rest).toEqual({ results: [sms] });
    expect(channels.get(email.id)).toEqual(email);
    expect(channels.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
