import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/lib/bird/message';
import { incoming, openTestStore, outgoing, T0, testId, type TestStore } from './test-fixtures';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => {
  t.db.close();
});

function richEmail(): Message {
  const base = outgoing({
    id: testId(1),
    channelId: t.workspace.channels.email.id,
    at: T0,
    to: ['alice@example.com', 'bob@example.com'],
    subject: 'Quarterly report',
    tags: ['reports', 'q4'],
    reference: 'report-q4',
    batchId: testId(77, 'bbbbbbbb'),
  });
  return {
    ...base,
    status: 'delivery_failed',
    lastStatusAt: new Date(T0 + 1500).toISOString(),
    updatedAt: new Date(T0 + 1500).toISOString(),
    body: {
      type: 'html',
      html: {
        html: '<h1>Q4</h1>',
        text: 'Q4',
        metadata: {
          subject: 'Quarterly report',
          emailFrom: { username: 'reports', displayName: 'Reports' },
        },
        attachments: [{ mediaUrl: 'https://sandbox.invalid/files/q4.pdf', filename: 'q4.pdf' }],
      },
    },
    meta: { email: { headers: { 'X-Campaign': 'q4' } }, extraInformation: { team: 'finance' } },
    parts: [{ platformReference: 'pr-1' }],
    reason: 'Recipient mailbox full',
    details: 'bounceSoft',
    failure: {
      code: 15001,
      description: 'Delivery failed',
      source: { name: 'email-messagebird', code: '452' },
    },
    replyTo: { id: testId(5), type: 'message' },
    scheduledFor: new Date(T0 - 60_000).toISOString(),
  };
}

describe('message store', () => {
  it('gives back exactly the message it stored', () => {
    const email = richEmail();
    const reply = incoming({
      id: testId(2),
      channelId: t.workspace.channels.whatsapp.id,
      at: T0 + 10,
      from: '+31612345678',
      to: '+14155550101',
    });
    t.store.messages.insert(email);
    t.store.messages.insert(reply);
    expect(t.store.messages.get(email.channelId, email.id)).toStrictEqual(email);
    expect(t.store.messages.getById(reply.id)).toStrictEqual(reply);
    expect(JSON.stringify(t.store.messages.get(reply.channelId, reply.id))).toBe(
      JSON.stringify(reply),
    );
    expect(t.store.messages.count()).toBe(2);
  });

  it('finds a message only in its own channel', () => {
    const email = richEmail();
    t.store.messages.insert(email);
    expect(t.store.messages.get(t.workspace.channels.sms.id, email.id)).toBeUndefined();
    expect(t.store.messages.get(email.channelId, testId(404))).toBeUndefined();
    expect(t.store.messages.getById(testId(404))).toBeUndefined();
  });

  it('refuses a duplicate id and an unknown channel, storing nothing', () => {
    const first = outgoing({ id: testId(1), channelId: t.workspace.channels.sms.id, at: T0 });
    t.store.messages.insert(first);
    expect(() => {
      t.store.messages.insert({ ...first, tags: ['again'] });
    }).toThrow();
    expect(() => {
      t.store.messages.insert({ ...first, id: testId(2), channelId: testId(3) });
    }).toThrow();
    expect(t.store.messages.count()).toBe(1);
    expect(t.store.messages.list({ limit: 10, tag: 'again' }).results).toEqual([]);
  });

  it('stores a batch all or nothing', () => {
    const sms = t.workspace.channels.sms.id;
    const batch = [1, 2, 3].map((n) => outgoing({ id: testId(n), channelId: sms, at: T0 }));
    expect(() => {
      t.store.messages.insertMany([...batch, batch[0] as Message]);
    }).toThrow();
    expect(t.store.messages.count()).toBe(0);
    t.store.messages.insertMany(batch);
    expect(t.store.messages.count()).toBe(3);
  });

  it('orders many messages created in the same millisecond by id', () => {
    const sms = t.workspace.channels.sms.id;
    const ns = [5, 1, 4, 2, 3];
    t.store.messages.insertMany(ns.map((n) => outgoing({ id: testId(n), channelId: sms, at: T0 })));
    const ids = t.store.messages.list({ limit: 10 }).results.map((m) => m.id);
    expect(ids).toEqual([5, 4, 3, 2, 1].map((n) => testId(n)));
  });

  it('applies status updates, keeping what the update leaves out', () => {
    const sms = outgoing({
      id: testId(1),
      channelId: t.workspace.channels.sms.id,
      at: T0,
      reference: 'r1',
    });
    t.store.messages.insert(sms);
    const sent = t.store.messages.updateStatus(sms.id, {
      status: 'sent',
      at: T0 + 300,
      parts: [{ platformReference: 'abc' }],
    });
    expect(sent).toStrictEqual({
      ...sms,
      status: 'sent',
      lastStatusAt: '2026-11-27T12:00:00.300Z',
      updatedAt: '2026-11-27T12:00:00.300Z',
      parts: [{ platformReference: 'abc' }],
    });
    const failure = {
      code: 15005,
      description: 'Unknown subscriber',
      source: { name: 'sms-messagebird' },
    };
    const failed = t.store.messages.updateStatus(sms.id, {
      status: 'delivery_failed',
      at: T0 + 600,
      details: 'unknown_subscriber',
      reason: 'Unknown subscriber',
      failure,
    });
    expect(failed).toMatchObject({
      status: 'delivery_failed',
      details: 'unknown_subscriber',
      failure,
    });
    expect(failed?.parts).toEqual([{ platformReference: 'abc' }]);
    const cleared = t.store.messages.updateStatus(sms.id, {
      status: 'delivered',
      at: T0 + 900,
      failure: null,
    });
    expect(cleared?.failure).toBeUndefined();
    expect(cleared?.details).toBe('unknown_subscriber');
    expect(t.store.messages.get(sms.channelId, sms.id)).toStrictEqual(cleared);
    expect(t.store.messages.list({ limit: 10, status: ['delivered'] }).results).toStrictEqual([
      cleared,
    ]);
    expect(t.store.messages.list({ limit: 10, status: ['accepted'] }).results).toEqual([]);
    expect(t.store.messages.updateStatus(testId(404), { status: 'sent', at: T0 })).toBeUndefined();
  });

  it('advances the status of outgoing messages that are not final, and only those', () => {
    const { sms } = t.workspace.channels;
    const open = outgoing({ id: testId(1), channelId: sms.id, at: T0 });
    const done = {
      ...outgoing({ id: testId(2), channelId: sms.id, at: T0 + 1 }),
      status: 'delivered',
    };
    const inbound = incoming({
      id: testId(3),
      channelId: sms.id,
      at: T0 + 2,
      from: '+31612345678',
      to: '+3197010200300',
    });
    t.store.messages.insertMany([open, done as Message, inbound]);
    const step = { status: 'sent', at: T0 + 300, reason: 'r', details: 'd' } as const;
    expect(t.store.messages.advanceStatus(open.id, step)).toBe(true);
    expect(t.store.messages.advanceStatus(done.id, step)).toBe(false);
    expect(t.store.messages.advanceStatus(inbound.id, step)).toBe(false);
    expect(t.store.messages.advanceStatus(testId(404), step)).toBe(false);
    expect(t.store.messages.getById(open.id)).toStrictEqual({
      ...open,
      status: 'sent',
      lastStatusAt: '2026-11-27T12:00:00.300Z',
      updatedAt: '2026-11-27T12:00:00.300Z',
      reason: 'r',
      details: 'd',
    });
    expect(t.store.messages.getById(done.id)).toStrictEqual(done);
    expect(t.store.messages.getById(inbound.id)).toStrictEqual(inbound);
  });

  it('finds messages by reference within a channel, newest first', () => {
    const { sms, whatsapp } = t.workspace.channels;
    t.store.messages.insertMany([
      outgoing({ id: testId(1), channelId: sms.id, at: T0, reference: 'order-7' }),
      outgoing({ id: testId(2), channelId: sms.id, at: T0 + 1, reference: 'order-7' }),
      outgoing({ id: testId(3), channelId: whatsapp.id, at: T0 + 2, reference: 'order-7' }),
      outgoing({ id: testId(4), channelId: sms.id, at: T0 + 3 }),
    ]);
    const found = t.store.messages.findByReference(sms.id, 'order-7').map((m) => m.id);
    expect(found).toEqual([testId(2), testId(1)]);
    expect(t.store.messages.findByReference(sms.id, '')).toEqual([]);
    expect(t.store.messages.findByReference(sms.id, 'order-7', 1)).toHaveLength(1);
  });
});
