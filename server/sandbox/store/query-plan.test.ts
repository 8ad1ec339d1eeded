import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { openDatabase, type Database } from '../db/open-database';
import { seedMessages } from '../seed/seed';
import { messageListStatement } from './message-list';
import type { MessageListQuery } from './types';
import { ensureWorkspace } from './workspace';

/**
 * Every list filter alone — and with the cursor, newest or oldest first — must be served by
 * an index: no full scan of `messages` (or of the receivers/tags tables), and no sort of
 * the matches (the index gives the order). Checked on an empty database (no statistics)
 * and on a seeded one after ANALYZE, where SQLite weighs the indexes by their statistics.
 */

const T = Date.parse('2026-11-27T12:00:00.000Z');
const cursor = { createdAt: T - 86_400_000, id: '01a21cb5-c1ff-7038-a471-a49be0000000' };
const FULL_SCAN =
  /^SCAN (m|k|messages|message_receivers|message_tags)\b(?!.*\bUSING (COVERING )?INDEX\b)/;

type Filter = Omit<MessageListQuery, 'limit' | 'after' | 'reverse' | 'status'> & {
  status?: NonNullable<MessageListQuery['status']>[number];
};
const channelId = '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11';
const filters: [string, Filter][] = [
  ['no filter', {}],
  ['channelId', { channelId }],
  ['platform', { platform: 'sms-messagebird' }],
  ['startAt', { startAt: T - 7 * 86_400_000 }],
  ['endAt', { endAt: T - 7 * 86_400_000 }],
  ['startAt and endAt', { startAt: T - 7 * 86_400_000, endAt: T - 6 * 86_400_000 }],
  ['from', { from: '+14155550100' }],
  ['to', { to: '+31612345678' }],
  ['tag', { tag: 'billing' }],
  ['subject', { subject: 'invoice' }],
  ['batchId', { batchId: '7b1e2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b' }],
  ['status', { status: 'delivery_failed' }],
  ['direction', { direction: 'incoming' }],
  ['channel and status', { channelId, status: 'delivered' }],
  ['platform and direction', { platform: 'whatsapp', direction: 'incoming' }],
  ['status and a window', { status: 'delivered', startAt: T - 86_400_000 }],
  ['to and tag', { to: '+31612345678', tag: 'billing' }],
];
const pagings: [string, Pick<MessageListQuery, 'after' | 'reverse'>][] = [
  ['first page', {}],
  ['next page', { after: cursor }],
  ['oldest first', { reverse: true }],
  ['oldest first, next page', { reverse: true, after: cursor }],
];

function plan(db: Database, query: MessageListQuery): string[] {
  const { sql, params } = messageListStatement({ ...query, status: query.status?.[0] });
  return db
    .prepare<Record<string, string | number>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((row) => row.detail);
}

const empty = openDatabase(':memory:');
ensureWorkspace(empty, new ManualClock(T));
const seeded = openDatabase(':memory:');
seedMessages({ db: seeded, clock: new ManualClock(T), count: 3000 });
afterAll(() => {
  empty.close();
  seeded.close();
});

describe.each([
  ['an empty database', empty],
  ['a seeded, analysed database', seeded],
])('list query plans on %s', (_, db) => {
  const cases = filters.flatMap(([name, filter]) =>
    pagings.map(([paging, page]) => [`${name}, ${paging}`, filter, page] as const),
  );
  it.each(cases)('%s uses an index', (_, filter, page) => {
    const { status, ...rest } = filter;
    const lines = plan(db, { ...rest, ...page, limit: 50, status: status ? [status] : undefined });
    expect(
      lines.filter((line) => FULL_SCAN.test(line)),
      lines.join('\n'),
    ).toEqual([]);
    expect(
      lines.filter((line) => line.includes('TEMP B-TREE')),
      lines.join('\n'),
    ).toEqual([]);
  });
});
