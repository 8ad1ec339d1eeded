import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '@/lib/bird/message';
import { liveRefreshInterval } from './live-refresh';
import { testMessage } from './test-message';

const message = (status: OutgoingMessage['status']): OutgoingMessage =>
  testMessage({
    status,
    lastStatusAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
  });

describe('liveRefreshInterval', () => {
  it('stops once the message is final, or before there is one', () => {
    expect(liveRefreshInterval(undefined, 0)).toBe(false);
    expect(liveRefreshInterval(message('delivered'), 3)).toBe(false);
    expect(liveRefreshInterval(message('sending_failed'), 3)).toBe(false);
  });

  it('asks every second while the message moves, then every five seconds', () => {
    expect(liveRefreshInterval(message('processing'), 1)).toBe(1_000);
    expect(liveRefreshInterval(message('sent'), 59)).toBe(1_000);
    expect(liveRefreshInterval(message('sent'), 60)).toBe(5_000);
  });

  it('waits calmly for a scheduled message, then asks again at its time', () => {
    const now = Date.parse('2026-11-27T10:00:00.000Z');
    const scheduled = (scheduledFor?: string) => ({ ...message('scheduled'), scheduledFor });
    expect(liveRefreshInterval(scheduled('2026-11-27T12:00:00.000Z'), 1, now)).toBe(30_000);
    expect(liveRefreshInterval(scheduled(), 1, now)).toBe(30_000);
    expect(liveRefreshInterval(scheduled('2026-11-27T10:00:12.500Z'), 1, now)).toBe(12_500);
    expect(liveRefreshInterval(scheduled('2026-11-27T10:00:00.200Z'), 1, now)).toBe(1_000);
  });

  it('treats a scheduled message whose time has passed as one on its way', () => {
    const now = Date.parse('2026-11-27T10:05:00.000Z');
    const overdue = { ...message('scheduled'), scheduledFor: '2026-11-27T10:00:00.000Z' };
    expect(liveRefreshInterval(overdue, 3, now)).toBe(1_000);
    expect(liveRefreshInterval(overdue, 60, now)).toBe(5_000);
  });
});
