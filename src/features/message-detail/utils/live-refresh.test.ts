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

  it('waits calmly for a scheduled message', () => {
    expect(liveRefreshInterval(message('scheduled'), 1)).toBe(30_000);
  });
});
