import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingMessage } from '../../../src/lib/bird/message';
import { openTestStore, outgoing, T0, testId, type TestStore } from '../store/test-fixtures';
import { MessageAcceptor } from './accept';
import { applyTransition } from './apply';
import { Scheduler } from './scheduler';

let t: TestStore;
let scheduler: Scheduler;
let acceptor: MessageAcceptor;

beforeEach(() => {
  t = openTestStore();
  const lifecycle = { workspaceId: t.workspace.id, store: t.store };
  scheduler = new Scheduler({
    clock: t.clock,
    transitions: t.store.transitions,
    apply: (transition) => {
      applyTransition(lifecycle, transition);
    },
  });
  acceptor = new MessageAcceptor({ db: t.db, store: t.store, scheduler });
});
afterEach(() => {
  scheduler.close();
  t.db.close();
});

const sms = (n: number, at = T0): OutgoingMessage =>
  outgoing({ id: testId(n), channelId: t.workspace.channels.sms.id, at }) as OutgoingMessage;

describe('group commit of sends', () => {
  it('stores the sends of one turn in one transaction, after the due steps, then resolves', async () => {
    await acceptor.accept('sms-messagebird', [sms(1)]);
    t.clock.advance(300);
    const catchUp = vi.spyOn(scheduler, 'catchUp');
    const transaction = vi.spyOn(t.db, 'transaction');
    const sends = [2, 3, 4].map((n) => acceptor.accept('sms-messagebird', [sms(n, T0 + 300)]));
    expect(t.store.messages.getById(testId(2))).toBeUndefined();
    await Promise.all(sends);
    expect(catchUp).toHaveBeenCalledTimes(1);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(t.store.messages.getById(testId(1))?.status).toBe('processing');
    for (const n of [2, 3, 4]) {
      expect(t.store.messages.getById(testId(n))?.status).toBe('accepted');
      expect(t.store.transitions.pendingForMessage(testId(n)).map((x) => x.dueAt)).toEqual([
        T0 + 600,
        T0 + 900,
        T0 + 1200,
      ]);
    }
  });

  it('fails a bad send alone: the others of its group are still stored', async () => {
    const bad = { ...sms(2), channelId: testId(404) };
    const results = await Promise.allSettled([
      acceptor.accept('sms-messagebird', [sms(1)]),
      acceptor.accept('sms-messagebird', [bad]),
      acceptor.accept('sms-messagebird', [sms(3), sms(4)]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(t.store.messages.getById(testId(2))).toBeUndefined();
    expect(t.store.transitions.pendingForMessage(testId(2))).toEqual([]);
    expect(t.store.messages.count()).toBe(3);
    expect(t.store.transitions.pendingForMessage(testId(4))).toHaveLength(3);
  });

  it('stores a send of several messages all or none', async () => {
    const bad = { ...sms(2), channelId: testId(404) };
    await expect(acceptor.accept('sms-messagebird', [sms(1), bad])).rejects.toThrow();
    expect(t.store.messages.count()).toBe(0);
    expect(t.store.transitions.nextDueAt()).toBeUndefined();
  });

  it('commits what is queued on flush, without waiting for the turn to end', () => {
    void acceptor.accept('sms-messagebird', [sms(1)]);
    acceptor.flush();
    expect(t.store.messages.getById(testId(1))?.status).toBe('accepted');
  });
});
