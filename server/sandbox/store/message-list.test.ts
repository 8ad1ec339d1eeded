import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/lib/bird/message';
import { decodePageToken } from './page-token';
import { incoming, openTestStore, outgoing, T0, testId, type TestStore } from './test-fixtures';
import type { MessageListQuery } from './types';

const MIN = 60_000;
const BATCH = testId(0xb, 'bbbbbbbb');

let t: TestStore;
let ids: Record<string, string>;

function seedKnownSet(): void {
  const { sms, whatsapp, email } = t.workspace.channels;
  ids = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i + 1}`, testId(i + 1)]));
  const id = (name: string): string => ids[name] ?? '';
  t.store.messages.insertMany([
    outgoing({
      id: id('m1'),
      channelId: sms.id,
      at: T0 - 10 * MIN,
      to: ['+31600000001'],
      tags: ['promo'],
      status: 'delivered',
      reference: 'order-1',
    }),
    outgoing({
      id: id('m2'),
      channelId: sms.id,
      at: T0 - 9 * MIN,
      to: ['+31600000002'],
      status: 'delivery_failed',
      batchId: BATCH,
    }),
    outgoing({
      id: id('m3'),
      channelId: sms.id,
      at: T0 - 8 * MIN,
      to: ['+31600000001', '+31600000003'],
      tags: ['promo', 'vip'],
      status: 'sent',
      batchId: BATCH,
    }),
    outgoing({
      id: id('m4'),
      channelId: email.id,
      at: T0 - 7 * MIN,
      to: ['alice@example.com'],
      subject: 'Your invoice #1042 is ready',
      tags: ['billing'],
      status: 'delivered',
    }),
    outgoing({
      id: id('m5'),
      channelId: email.id,
      at: T0 - 6 * MIN,
      to: ['bob@example.com', 'alice@example.com'],
      subject: 'Invoice reminder: payment due',
      tags: ['billing', 'reminder'],
      status: 'delivery_failed',
    }),
    outgoing({
      id: id('m6'),
      channelId: email.id,
      at: T0 - 5 * MIN,
      to: ['carol@example.com'],
      subject: 'Welcome to Perch — getting started',
      status: 'delivered',
      from: 'hello@mail.example.com',
    }),
    incoming({
      id: id('m7'),
      channelId: whatsapp.id,
      at: T0 - 4 * MIN,
      from: '+31600000001',
      to: '+14155550101',
    }),
    outgoing({
      id: id('m8'),
      channelId: whatsapp.id,
      at: T0 - 3 * MIN,
      to: ['+31600000001'],
      from: '+14155550101',
      status: 'delivered',
    }),
    incoming({
      id: id('m9'),
      channelId: sms.id,
      at: T0 - 2 * MIN,
      from: '+31600000003',
      to: '+14155550100',
    }),
    outgoing({
      id: id('m10'),
      channelId: email.id,
      at: T0 - MIN,
      to: ['dave@example.com'],
      subject: 'Re: "quoted" NEAR(stuff) OR * caret^ café',
      status: 'accepted',
    }),
  ]);
}

function names(query: Partial<MessageListQuery>): string[] {
  const page = t.store.messages.list({ limit: 100, ...query });
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return page.results.map((m) => byId.get(m.id) ?? m.id);
}

beforeEach(() => {
  t = openTestStore();
  seedKnownSet();
});
afterEach(() => {
  t.db.close();
});

describe('message list filters', () => {
  it('lists everything newest first, or oldest first with reverse', () => {
    expect(names({})).toEqual(['m10', 'm9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1']);
    expect(names({ reverse: true })).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
      'm6',
      'm7',
      'm8',
      'm9',
      'm10',
    ]);
  });

  it('filters by channel and by platform', () => {
    const { sms, whatsapp } = t.workspace.channels;
    expect(names({ channelId: sms.id })).toEqual(['m9', 'm3', 'm2', 'm1']);
    expect(names({ platform: 'whatsapp' })).toEqual(['m8', 'm7']);
    expect(names({ platform: 'email-messagebird' })).toEqual(['m10', 'm6', 'm5', 'm4']);
    expect(names({ channelId: whatsapp.id, platform: 'sms-messagebird' })).toEqual([]);
  });

  it('takes startAt inclusive and endAt exclusive', () => {
    expect(names({ startAt: T0 - 3 * MIN })).toEqual(['m10', 'm9', 'm8']);
    expect(names({ endAt: T0 - 8 * MIN })).toEqual(['m2', 'm1']);
    expect(names({ startAt: T0 - 8 * MIN, endAt: T0 - 6 * MIN })).toEqual(['m4', 'm3']);
  });

  it('matches from exactly against the sender identifier', () => {
    expect(names({ from: '+31600000001' })).toEqual(['m7']);
    expect(names({ from: '+14155550101' })).toEqual(['m8']);
    expect(names({ from: 'hello@mail.example.com' })).toEqual(['m6']);
    expect(names({ from: '+3160000000' })).toEqual([]);
  });

  it('matches to against any receiver, including the channel of incoming messages', () => {
    expect(names({ to: '+31600000001' })).toEqual(['m8', 'm3', 'm1']);
    expect(names({ to: '+31600000003' })).toEqual(['m3']);
    expect(names({ to: 'alice@example.com' })).toEqual(['m5', 'm4']);
    expect(names({ to: '+14155550101' })).toEqual(['m7']);
    expect(names({ to: 'ALICE@example.com' })).toEqual([]);
  });

  it('filters by one tag, exactly', () => {
    expect(names({ tag: 'promo' })).toEqual(['m3', 'm1']);
    expect(names({ tag: 'billing' })).toEqual(['m5', 'm4']);
    expect(names({ tag: 'bill' })).toEqual([]);
  });

  it('searches subject words as prefixes, all of them', () => {
    expect(names({ subject: 'invoice' })).toEqual(['m5', 'm4']);
    expect(names({ subject: 'INV' })).toEqual(['m5', 'm4']);
    expect(names({ subject: 'invoice rem' })).toEqual(['m5']);
    expect(names({ subject: 'welcome perch' })).toEqual(['m6']);
    expect(names({ subject: 'cafe' })).toEqual(['m10']);
    expect(names({ subject: 'invoice welcome' })).toEqual([]);
  });

  it('treats FTS syntax in the subject as plain words', () => {
    expect(names({ subject: '"quoted"' })).toEqual(['m10']);
    expect(names({ subject: 'NEAR(stuff)' })).toEqual(['m10']);
    expect(names({ subject: 'OR' })).toEqual(['m10']);
    expect(names({ subject: 'invoice OR welcome' })).toEqual([]);
    expect(names({ subject: 'caret^' })).toEqual(['m10']);
    expect(names({ subject: 'subject:invoice' })).toEqual([]);
    for (const hostile of ['"', '*', 'NEAR(', '" OR "', '(((', '^', '-', ':', '""*']) {
      expect(() => names({ subject: hostile })).not.toThrow();
    }
    expect(names({ subject: '"' })).toEqual([]);
    expect(names({ subject: '*' })).toEqual([]);
  });

  it('filters by batch, by one or several statuses and by direction', () => {
    expect(names({ batchId: BATCH })).toEqual(['m3', 'm2']);
    expect(names({ status: ['delivery_failed'] })).toEqual(['m5', 'm2']);
    expect(names({ status: ['sent', 'accepted'] })).toEqual(['m10', 'm3']);
    expect(names({ status: ['accepted', 'sent'], reverse: true })).toEqual(['m3', 'm10']);
    expect(names({ direction: 'incoming' })).toEqual(['m9', 'm7']);
    expect(names({ direction: 'outgoing' })).toHaveLength(8);
  });

  it('ANDs filters together', () => {
    const { sms, email } = t.workspace.channels;
    expect(names({ channelId: sms.id, status: ['sent', 'delivered'] })).toEqual(['m9', 'm3', 'm1']);
    expect(names({ to: '+31600000001', tag: 'promo', status: ['sent'] })).toEqual(['m3']);
    expect(names({ to: 'alice@example.com', subject: 'remind' })).toEqual(['m5']);
    expect(names({ tag: 'billing', subject: 'ready' })).toEqual(['m4']);
    expect(names({ subject: 'invoice', status: ['delivered'], channelId: email.id })).toEqual([
      'm4',
    ]);
    expect(names({ subject: 'invoice', startAt: T0 - 6 * MIN })).toEqual(['m5']);
    expect(names({ subject: 'invoice', endAt: T0 - 6 * MIN })).toEqual(['m4']);
    expect(
      names({ direction: 'incoming', platform: 'sms-messagebird', from: '+31600000003' }),
    ).toEqual(['m9']);
  });
});

describe('message list paging', () => {
  /** 30 emails: 5 at T0 - 2s, 20 sharing T0 - 1s, 5 at T0; ids inserted out of id order. */
  function seedTies(): Message[] {
    const { email } = t.workspace.channels;
    const order = Array.from({ length: 30 }, (_, i) => (i * 17) % 30);
    const messages = order.map((n) =>
      outgoing({
        id: testId(n, 'abcdef00'),
        channelId: email.id,
        at: n < 5 ? T0 - 2000 : n < 25 ? T0 - 1000 : T0,
        to: ['tie@example.com'],
        subject: `Weekly digest ${n}`,
        tags: ['digest'],
        status: n % 2 === 0 ? 'delivered' : 'sent',
      }),
    );
    t.store.messages.insertMany(messages);
    return messages;
  }

  const sortKey = (m: Message) => `${m.createdAt} ${m.id}`;

  function walk(query: Filters, limit: number): string[] {
    const seen: string[] = [];
    let after: MessageListQuery['after'];
    for (let guard = 0; guard < 100; guard++) {
      const page = t.store.messages.list({ ...query, limit, after });
      seen.push(...page.results.map((m) => m.id));
      if (page.nextPageToken === undefined) return seen;
      expect(page.results).toHaveLength(limit);
      after = decodePageToken(page.nextPageToken);
      expect(after).toBeDefined();
    }
    throw new Error('paging did not end');
  }

  type Filters = Omit<MessageListQuery, 'limit' | 'after'>;
  const queries: [string, (store: TestStore) => Filters][] = [
    ['no filter', () => ({})],
    ['to', () => ({ to: 'tie@example.com' })],
    ['tag', () => ({ tag: 'digest' })],
    ['subject', () => ({ subject: 'weekly dig' })],
    ['one status', () => ({ status: ['delivered'] })],
    ['two statuses', () => ({ status: ['delivered', 'sent'] })],
    ['channel', (store) => ({ channelId: store.workspace.channels.email.id })],
    ['subject and a window', () => ({ subject: 'digest', startAt: T0 - 1000, endAt: T0 })],
    ['a window', () => ({ startAt: T0 - 1000, endAt: T0 })],
    ['a start only', () => ({ startAt: T0 - 1000 })],
    ['an end only', () => ({ endAt: T0 })],
    ['to and a window', () => ({ to: 'tie@example.com', startAt: T0 - 2000, endAt: T0 })],
    ['two statuses and a window', () => ({ status: ['sent', 'delivered'], endAt: T0 })],
  ];

  it.each(queries)('visits every row once, in order, with %s', (_, filters) => {
    t.db.close();
    t = openTestStore();
    const all = seedTies();
    const query = filters(t);
    const wanted = all
      .filter((m) => (query.status ? query.status.includes(m.status) : true))
      .filter((m) => Date.parse(m.createdAt) >= (query.startAt ?? -Infinity))
      .filter((m) => Date.parse(m.createdAt) < (query.endAt ?? Infinity))
      .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1))
      .map((m) => m.id);
    for (const limit of [1, 3, 7, 30, 100]) {
      expect(walk(query, limit)).toEqual(wanted);
      expect(walk({ ...query, reverse: true }, limit)).toEqual([...wanted].reverse());
    }
  });

  it('applies the window to a cursor that lies outside it', () => {
    const { sms } = t.workspace.channels;
    const outside = { createdAt: T0, id: testId(0) };
    const window = { startAt: T0 - 9 * MIN, endAt: T0 - 3 * MIN };
    expect(names({ ...window, after: outside })).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2']);
    expect(names({ ...window, subject: 'invoice', after: outside })).toEqual(['m5', 'm4']);
    const before = { createdAt: T0 - 20 * MIN, id: testId(0) };
    expect(names({ ...window, after: before, reverse: true, channelId: sms.id })).toEqual([
      'm2',
      'm3',
    ]);
    expect(names({ ...window, after: before, reverse: true, subject: 'invoice' })).toEqual([
      'm4',
      'm5',
    ]);
  });

  it('returns no token on the last page', () => {
    const page = t.store.messages.list({ limit: 10 });
    expect(page.results).toHaveLength(10);
    expect(page.nextPageToken).toBeUndefined();
    const first = t.store.messages.list({ limit: 9 });
    expect(first.nextPageToken).toBeDefined();
    const rest = t.store.messages.list({
      limit: 9,
      after: decodePageToken(first.nextPageToken ?? ''),
    });
    expect(rest.results.map((m) => m.id)).toEqual([ids.m1]);
    expect(rest.nextPageToken).toBeUndefined();
  });
});
