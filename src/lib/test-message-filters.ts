import type { MessageFilters } from './message-filters-url';

/** For unit tests: a channel and a batch id, and filters with every field set. */
export const TEST_CHANNEL_ID = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';
export const TEST_BATCH_ID = '9a0b3f1c-2b7e-4d4a-8c5e-9b1f2a6d7e8f';

export const FULL_FILTERS: MessageFilters = {
  channelId: TEST_CHANNEL_ID,
  range: { kind: 'custom', start: '2026-11-01T00:00:00.000Z', end: '2026-11-27T00:00:00.000Z' },
  platform: 'sms-messagebird',
  statuses: ['delivered', 'delivery_failed'],
  direction: 'outgoing',
  from: '+31612345678',
  to: 'ann@example.com',
  tag: 'launch',
  subject: 'invoice',
  batchId: TEST_BATCH_ID,
  order: 'oldest',
};
