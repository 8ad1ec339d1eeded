import { describe, expect, it } from 'vitest';
import { EMPTY_MESSAGE_FILTERS } from '@/lib/message-filters-url';
import { filterChips } from './filter-chips';
import {
  FULL_FILTERS as FULL,
  TEST_BATCH_ID as BATCH,
  TEST_CHANNEL_ID as CHANNEL,
} from '@/lib/test-message-filters';

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
