import type { OutgoingMessage } from '@/lib/bird/message';

/** A delivered outgoing message for the unit tests here; override what a test is about. */
export function testMessage(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    channelId: '22222222-2222-4222-8222-222222222222',
    direction: 'outgoing',
    status: 'delivered',
    createdAt: '2026-11-27T10:00:00.000Z',
    lastStatusAt: '2026-11-27T10:00:00.900Z',
    updatedAt: '2026-11-27T10:00:00.900Z',
    sender: { connector: { id: '33333333-3333-4333-8333-333333333333', identifierValue: 'x' } },
    receiver: { contacts: [] },
    reference: '',
    tags: [],
    reason: '',
    details: '',
    ...overrides,
  };
}
