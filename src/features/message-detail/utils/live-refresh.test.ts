import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '@/lib/bird/message';
import { liveRefreshInterval } from './live-refresh';

const message = (status: OutgoingMessage['status']): OutgoingMessage => ({
  id: '11111111-1111-4111-8111-111111111111',
  channelId: '22222222-2222-4222-8222-222222222222',
  direction: 'outgoing',
  status,
  createdAt: '2026-11-27T10:00:00.000Z',
  lastStatusAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  sender: { connector: { id: '33333333-3333-4333-8333-333333333333', identifierValue: 'x' } },
  receiver: { contacts: [] },
  reference: '',
  tags: [],
  reason: '',
  details: '',
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
