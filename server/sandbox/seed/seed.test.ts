import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { findMagicRecipient } from '../../../src/lib/bird/decisions';
import { interactionSchema, type Interaction } from '../../../src/lib/bird/interaction';
import { messageSchema, type Message } from '../../../src/lib/bird/message';
import { openDatabase, type Database } from '../db/open-database';
import { createStore } from '../store';
import { setSetting, SETTING } from '../store/settings';
import { ensureWorkspace } from '../store/workspace';
import { SEED_SPAN_MS } from './generate';
import { seedMessages } from './seed';

const NOW = Date.parse('2026-11-27T12:00:00.000Z');
const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
});

const WORKSPACE_ID = '9e4c1a2b-3d5f-4a6b-8c7d-0e1f2a3b4c5d';

function seeded(count: number, worker = false) {
  const db = openDatabase(':memory:');
  dbs.push(db);
  setSetting(db, SETTING.workspaceId, WORKSPACE_ID);
  const clock = new ManualClock(NOW);
  const added = seedMessages({ db, clock, count, worker, chunkSize: 250 });
  const store = createStore(db);
  const messages: Message[] = [];
  for (let page = store.messages.list({ limit: 100 }); ;) {
    messages.push(...page.results);
    if (page.nextPageToken === undefined) break;
    const last = page.results[page.results.length - 1];
    if (last === undefined) break;
    page = store.messages.list({
      limit: 100,
      after: { createdAt: Date.parse(last.createdAt), id: last.id },
    });
  }
  const interactions = db
    .prepare<[], string>('SELECT doc FROM interactions ORDER BY created_at, id')
    .pluck()
    .all()
    .map((doc) => JSON.parse(doc) as Interaction);
  return { db, clock, store, added, messages, interactions, workspace: ensureWorkspace(db, clock) };
}

const share = (messages: Message[], keep: (m: Message) => boolean) =>
  messages.filter(keep).length / messages.length;

describe('seed', () => {
  it('gives the same data for the same count and clock', () => {
    const a = seeded(600);
    const b = seeded(600);
    expect(a.added).toBe(600);
    expect(a.messages).toHaveLength(600);
    expect(b.messages.map((m) => m.id)).toEqual(a.messages.map((m) => m.id));
    expect(b.messages).toStrictEqual(a.messages);
    expect(b.interactions).toStrictEqual(a.interactions);
  });

  it('makes the same data when a worker thread generates it', () => {
    const inline = seeded(1200);
    const threaded = seeded(1200, true);
    expect(threaded.added).toBe(1200);
    expect(threaded.messages).toStrictEqual(inline.messages);
    expect(threaded.interactions).toStrictEqual(inline.interactions);
  });

  it('makes valid messages and interactions within the last 30 days', () => {
    const { messages, interactions, workspace } = seeded(3000);
    for (const message of messages) {
      expect(messageSchema.safeParse(message).success, message.id).toBe(true);
      const created = Date.parse(message.createdAt);
      expect(created).toBeGreaterThanOrEqual(NOW - SEED_SPAN_MS);
      expect(created).toBeLessThan(NOW);
      expect(Date.parse(message.lastStatusAt)).toBeLessThanOrEqual(NOW);
      if (message.direction === 'outgoing') {
        const first = message.receiver.contacts[0];
        expect(first && findMagicRecipient(first.identifierValue)).toBeUndefined();
      }
    }
    for (const interaction of interactions) {
      expect(interactionSchema.safeParse(interaction).success).toBe(true);
      expect(Date.parse(interaction.createdAt)).toBeLessThan(NOW);
    }
    const mediaUrls = JSON.stringify(messages).match(/https:\/\/sandbox\.invalid\/[^"]+/g) ?? [];
    expect(mediaUrls.length).toBeGreaterThan(0);
    for (const url of mediaUrls) {
      expect(url).toMatch(
        new RegExp(
          `^https://sandbox\\.invalid/workspaces/${workspace.id}/messages/[0-9a-f-]{36}/media/[0-9a-f-]{36}$`,
        ),
      );
    }
  });

  it('mixes platforms, directions, statuses and failures like real traffic', () => {
    const { messages, interactions, workspace, store } = seeded(5000);
    const { sms, whatsapp, email, telegram } = workspace.channels;
    for (const channel of [sms, whatsapp, email, telegram]) {
      expect(messages.some((m) => m.channelId === channel.id)).toBe(true);
    }
    expect(share(messages, (m) => m.direction === 'incoming')).toBeGreaterThan(0.1);
    expect(
      messages.filter((m) => m.direction === 'incoming').every((m) => m.status === 'delivered'),
    ).toBe(true);
    const outgoing = messages.filter((m) => m.direction === 'outgoing');
    expect(share(outgoing, (m) => m.status === 'delivered')).toBeGreaterThan(0.7);
    expect(share(outgoing, (m) => m.status === 'delivered')).toBeLessThan(0.92);
    for (const status of [
      'sent',
      'delivery_failed',
      'sending_failed',
      'rejected',
      'skipped',
      'deleted',
      'scheduled',
    ]) {
      expect(
        outgoing.some((m) => m.status === status),
        status,
      ).toBe(true);
    }
    for (const m of outgoing.filter((m) =>
      ['delivery_failed', 'sending_failed', 'rejected'].includes(m.status),
    )) {
      expect(m.failure?.code).toBeGreaterThanOrEqual(11000);
      expect(m.reason).not.toBe('');
    }
    expect(outgoing.some((m) => m.details === 'bounceHard')).toBe(true);
    expect(outgoing.some((m) => m.details === 'unknown_subscriber')).toBe(true);
    expect(outgoing.some((m) => m.failure?.source.name === 'pre-processing')).toBe(true);

    const emails = outgoing.filter((m) => m.channelId === email.id);
    expect(emails.every((m) => m.body?.type === 'html' && m.body.html.metadata?.subject)).toBe(
      true,
    );
    expect(emails.some((m) => m.body?.type === 'html' && m.body.html.attachments?.length)).toBe(
      true,
    );
    expect(messages.some((m) => m.direction === 'incoming' && m.body?.type === 'image')).toBe(true);
    expect(share(messages, (m) => m.tags.length > 0)).toBeGreaterThan(0.2);
    expect(share(outgoing, (m) => m.reference !== '')).toBeGreaterThan(0.3);

    const batches = new Map<string, Message[]>();
    for (const m of outgoing) {
      if (m.batchId !== undefined) batches.set(m.batchId, [...(batches.get(m.batchId) ?? []), m]);
    }
    expect(batches.size).toBeGreaterThan(0);
    for (const batch of batches.values()) {
      expect(new Set(batch.map((m) => m.createdAt)).size).toBe(1);
      expect(new Set(batch.map((m) => m.channelId)).size).toBe(1);
    }

    const types = new Set(interactions.map((i) => i.type));
    for (const type of ['opened', 'clicked', 'read', 'reaction'])
      expect(types.has(type as Interaction['type'])).toBe(true);

    const scheduled = outgoing.filter((m) => m.status === 'scheduled');
    for (const m of scheduled) {
      expect(Date.parse(m.scheduledFor ?? '')).toBeGreaterThan(NOW);
      expect(store.transitions.pendingForMessage(m.id)[0]).toMatchObject({
        kind: 'status',
        dueAt: Date.parse(m.scheduledFor ?? ''),
        payload: { status: 'accepted' },
      });
    }
  });

  it('loads a file database outside WAL and leaves it in WAL with its settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perch-seed-'));
    try {
      const db = openDatabase(dir);
      dbs.push(db);
      const clock = new ManualClock(NOW);
      expect(seedMessages({ db, clock, count: 300 })).toBe(300);
      expect(seedMessages({ db, clock, count: 300 })).toBe(300);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('cache_size', { simple: true })).toBe(-65536);
      db.close();
      const again = openDatabase(dir);
      dbs.push(again);
      expect(createStore(again).messages.count()).toBe(600);
      expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds to a seeded database without clashing, and reports progress', () => {
    const { db, clock, store } = seeded(500);
    const progress: [number, number][] = [];
    expect(
      seedMessages({
        db,
        clock,
        count: 25,
        chunkSize: 10,
        onProgress: (done, total) => progress.push([done, total]),
      }),
    ).toBe(25);
    expect(store.messages.count()).toBe(525);
    expect(progress).toEqual([
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    expect(seedMessages({ db, clock, count: 0 })).toBe(0);
  });
});
