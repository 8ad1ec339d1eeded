import { describe, expect, it } from 'vitest';
import { EMPTY_MESSAGE_FILTERS, type MessageFilters } from '@/lib/message-filters-url';
import { filterChips } from './filter-chips';

const CHANNEL = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';
const BATCH = '9a0b3f1c-2b7e-4d4a-8c5e-9b1f2a6d7e8f';

const FULL: MessageFilters = {
  channelId: CHANNEL,
  range: { kind: 'custom', start: '2026-11-01T00:00:00.000Z', end: '2026-11-27T00:00:00.000Z' },
  platform: 'sms-messagebird',
  statuses: ['delivered', 'delivery_failed'],
  direction: 'outgoing',
  from: '+31612345678',
  to: 'ann@example.com',
  tag: 'launch',
  subject: 'invoice',
  batchId: BATCH,
  order: 'oldest',
};

describe('filterChips', () => {
  const context = {
    channelName: (id: string) => (id === CHANNEL ? 'Support SMS' : undefined),
    formatTime: (iso: string) => iso.slice(0, 10),
  };

  it('names every active filter, and each chip removes only itself', () => {
    const chips = filterChips(FULL, context);
    expect(chips.map((c) => c.label)).toEqual([
      'Channel: Support SMS',
      'Date: 2026-11-01 to 2026-11-27',
      'Platform: SMS',
      'Status: Delivered',
      'Status: Delivery failed',
      'Direction: Outgoing',
      'From: +31612345678',
      'To: ann@example.com',
      'Tag: launch',
      'Subject: invoice',
      'Batch id: ' + BATCH,
      'Order: Oldest first',
    ]);
    const status = chips.find((c) => c.id === 'status-delivered');
    expect(status?.without).toEqual({ ...FULL, statuses: ['delivery_failed'] });
    const order = chips.find((c) => c.id === 'order');
    expect(order?.without.order).toBe('newest');
  });

  it('has no chips without filters', () => {
    expect(filterChips(EMPTY_MESSAGE_FILTERS, context)).toEqual([]);
  });
});
