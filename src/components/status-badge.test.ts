import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES } from '@/lib/bird/message';
import { isFailedStatus, statusLabel, statusTone } from './status-badge';

describe('status badge', () => {
  it('has words and a tone for every status of the schema', () => {
    for (const status of MESSAGE_STATUSES) {
      expect(statusLabel(status)).toMatch(/^[A-Z][a-z ]+$/);
      expect(statusTone(status)).toBeTruthy();
    }
  });
  it('marks exactly the three failure statuses as failed', () => {
    expect(MESSAGE_STATUSES.filter(isFailedStatus)).toEqual([
      'rejected',
      'sending_failed',
      'delivery_failed',
    ]);
  });
});
