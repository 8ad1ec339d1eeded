import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../clock';
import { TIMER_GAP_MS } from './scheduler';
import {
  CHANNELS,
  startTestSandbox,
  type TestMessage,
  type TestSandbox,
} from '../routes/test-harness';

/**
 * The real clock: one timer, armed for the earliest due transition. Vitest's fake timers
 * stand in for time (the system clock reads the faked Date.now), so nothing sleeps.
 */
describe('scheduler on the real clock', () => {
  let t: TestSandbox;
  beforeEach(async () => {
    vi.useFakeTimers({
      now: Date.parse('2026-11-27T12:00:00.000Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    t = await startTestSandbox({ realClock: true });
  });
  afterEach(async () => {
    await t.close();
    vi.useRealTimers();
  });

  /** Read from the store, not over HTTP: a request would let the scheduler catch up itself. */
  const status = (message: TestMessage) => t.sandbox.store.messages.getById(message.id)?.status;

  it('moves messages along with one timer for the earliest due step', async () => {
    expect(t.sandbox.clock).toBe(systemClock);
    expect(vi.getTimerCount()).toBe(0);
    const a = await t.send(CHANNELS.sms, '+31611111111');
    const b = await t.send(CHANNELS.sms, '+31622222222');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(300);
    expect(status(a)).toBe('processing');
    expect(status(b)).toBe('processing');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(600);
    expect(status(a)).toBe('delivered');
    expect(status(b)).toBe('delivered');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-arms for an earlier transition planned later', async () => {
    const later = await t.send(CHANNELS.sms, '+31611111111', {
      scheduledFor: new Date(Date.now() + 60_000).toISOString(),
    });
    const soon = await t.send(CHANNELS.sms, '+31622222222');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(900);
    expect(status(soon)).toBe('delivered');
    expect(status(later)).toBe('scheduled');
    vi.advanceTimersByTime(60_000);
    expect(status(later)).toBe('delivered');
  });

  it('lets steps due a millisecond apart share a timer run, TIMER_GAP_MS after the last', async () => {
    const a = await t.send(CHANNELS.sms, '+31611111111');
    vi.advanceTimersByTime(1);
    const b = await t.send(CHANNELS.sms, '+31622222222');
    const runDue = vi.spyOn(t.sandbox.scheduler, 'runDue');
    vi.advanceTimersByTime(299);
    expect(runDue).toHaveBeenCalledTimes(1);
    expect(status(a)).toBe('processing');
    expect(status(b)).toBe('accepted');
    vi.advanceTimersByTime(TIMER_GAP_MS - 1);
    expect(status(b)).toBe('accepted');
    vi.advanceTimersByTime(1);
    expect(runDue).toHaveBeenCalledTimes(2);
    expect(status(b)).toBe('processing');
    expect(t.sandbox.store.messages.getById(b.id)?.lastStatusAt).toBe(
      new Date(Date.parse(String(b.createdAt)) + 300).toISOString(),
    );
  });

  it('stops its timer on close', async () => {
    await t.send(CHANNELS.sms, '+31611111111');
    expect(vi.getTimerCount()).toBe(1);
    t.sandbox.scheduler.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});
