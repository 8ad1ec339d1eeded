import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, outgoing, T0, testId, type TestStore } from './test-fixtures';
import type { Transition } from './types';

let t: TestStore;
const a = testId(1);
const b = testId(2);

beforeEach(() => {
  t = openTestStore();
  const sms = t.workspace.channels.sms.id;
  t.store.messages.insertMany([
    outgoing({ id: a, channelId: sms, at: T0 }),
    outgoing({ id: b, channelId: sms, at: T0 }),
  ]);
});
afterEach(() => {
  t.db.close();
});

describe('lifecycle transitions', () => {
  it('applies due steps in due order, once, and leaves future ones', () => {
    const { transitions } = t.store;
    transitions.schedule({ messageId: a, dueAt: T0 + 300, kind: 'sent' });
    transitions.schedule({ messageId: b, dueAt: T0 + 100, kind: 'processing', payload: { n: 1 } });
    transitions.schedule({ messageId: a, dueAt: T0 + 100, kind: 'processing' });
    transitions.schedule({ messageId: a, dueAt: T0 + 900, kind: 'delivered' });
    expect(transitions.nextDueAt()).toBe(T0 + 100);

    const seen: Pick<Transition, 'messageId' | 'kind' | 'payload'>[] = [];
    const ran = transitions.applyDue(T0 + 300, ({ messageId, kind, payload }) => {
      seen.push({ messageId, kind, payload });
    });
    expect(ran).toBe(3);
    expect(seen).toEqual([
      { messageId: b, kind: 'processing', payload: { n: 1 } },
      { messageId: a, kind: 'processing', payload: null },
      { messageId: a, kind: 'sent', payload: null },
    ]);
    expect(transitions.applyDue(T0 + 300, () => undefined)).toBe(0);
    expect(transitions.nextDueAt()).toBe(T0 + 900);
    expect(transitions.pendingForMessage(a).map((x) => x.kind)).toEqual(['delivered']);
  });

  it('runs steps that a step schedules when they are already due', () => {
    const { transitions, messages } = t.store;
    transitions.schedule({ messageId: a, dueAt: T0 + 100, kind: 'processing' });
    const ran = transitions.applyDue(T0 + 1000, (step) => {
      messages.updateStatus(step.messageId, {
        status: step.kind === 'processing' ? 'processing' : 'sent',
        at: step.dueAt,
      });
      if (step.kind === 'processing') {
        transitions.schedule({ messageId: step.messageId, dueAt: step.dueAt + 200, kind: 'sent' });
      }
    });
    expect(ran).toBe(2);
    expect(messages.getById(a)).toMatchObject({
      status: 'sent',
      lastStatusAt: '2026-11-27T12:00:00.300Z',
    });
    expect(transitions.nextDueAt()).toBeUndefined();
  });

  it('runs a step that a step schedules in due order, before later steps already read', () => {
    const { transitions } = t.store;
    transitions.schedule({ messageId: a, dueAt: T0, kind: 'first' });
    transitions.schedule({ messageId: b, dueAt: T0 + 5, kind: 'third' });
    const seen: string[] = [];
    const ran = transitions.applyDue(T0 + 10, (step) => {
      seen.push(step.kind);
      if (step.kind === 'first')
        transitions.schedule({ messageId: a, dueAt: T0 + 1, kind: 'second' });
    });
    expect(ran).toBe(3);
    expect(seen).toEqual(['first', 'second', 'third']);
  });

  it('rolls back a failing step, drops it and reports the error', () => {
    const { transitions, messages } = t.store;
    transitions.schedule({ messageId: a, dueAt: T0, kind: 'bad' });
    transitions.schedule({ messageId: b, dueAt: T0 + 1, kind: 'good' });
    expect(() =>
      transitions.applyDue(T0 + 10, (step) => {
        messages.updateStatus(step.messageId, { status: 'sent', at: T0 });
        if (step.kind === 'bad') throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(messages.getById(a)?.status).toBe('accepted');
    expect(transitions.pendingForMessage(a)).toEqual([]);
    expect(
      transitions.applyDue(T0 + 10, (step) =>
        messages.updateStatus(step.messageId, { status: 'sent', at: T0 }),
      ),
    ).toBe(1);
    expect(messages.getById(b)?.status).toBe('sent');
  });

  it('keeps the steps before a failing one and leaves the ones after it due', () => {
    const { transitions, messages } = t.store;
    transitions.schedule({ messageId: a, dueAt: T0, kind: 'good' });
    transitions.schedule({ messageId: b, dueAt: T0 + 1, kind: 'bad' });
    transitions.schedule({ messageId: a, dueAt: T0 + 2, kind: 'later' });
    const apply = (step: Transition): void => {
      messages.updateStatus(step.messageId, { status: 'sent', at: step.dueAt });
      if (step.kind === 'bad') throw new Error('boom');
    };
    expect(() => transitions.applyDue(T0 + 10, apply)).toThrow('boom');
    expect(messages.getById(a)?.status).toBe('sent');
    expect(messages.getById(b)?.status).toBe('accepted');
    expect(transitions.pendingForMessage(b)).toEqual([]);
    expect(transitions.pendingForMessage(a).map((x) => x.kind)).toEqual(['later']);
  });

  it('applies a long backlog across several commits', () => {
    const { transitions } = t.store;
    for (let i = 0; i < 600; i++)
      transitions.schedule({ messageId: i % 2 ? a : b, dueAt: T0 + i, kind: 'k' });
    const seen: number[] = [];
    expect(transitions.applyDue(T0 + 1000, (step) => seen.push(step.dueAt))).toBe(600);
    expect(seen).toEqual(Array.from({ length: 600 }, (_, i) => T0 + i));
    expect(transitions.nextDueAt()).toBeUndefined();
  });

  it('takes due steps out, and cancels a message’s steps', () => {
    const { transitions } = t.store;
    transitions.schedule({ messageId: a, dueAt: T0 + 5, kind: 'x' });
    transitions.schedule({ messageId: b, dueAt: T0 + 1, kind: 'y' });
    transitions.schedule({ messageId: b, dueAt: T0 + 50, kind: 'z' });
    expect(transitions.takeDue(T0 + 10).map((x) => x.kind)).toEqual(['y', 'x']);
    expect(transitions.takeDue(T0 + 10)).toEqual([]);
    expect(transitions.cancelForMessage(b)).toBe(1);
    expect(transitions.nextDueAt()).toBeUndefined();
  });

  it('respects the limit', () => {
    const { transitions } = t.store;
    for (let i = 0; i < 5; i++)
      transitions.schedule({ messageId: a, dueAt: T0 + i, kind: `k${i}` });
    expect(transitions.applyDue(T0 + 10, () => undefined, 2)).toBe(2);
    expect(transitions.takeDue(T0 + 10, 2).map((x) => x.kind)).toEqual(['k2', 'k3']);
    expect(transitions.pendingForMessage(a).map((x) => x.kind)).toEqual(['k4']);
  });
});
