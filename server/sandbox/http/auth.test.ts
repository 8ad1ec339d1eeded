import { describe, expect, it } from 'vitest';
import { constantTimeEqual, roleFor } from './auth';

const keys = { accessKey: 'full-key-123', readOnlyKey: 'read-key-456' };

describe('roleFor', () => {
  it.each([
    ['AccessKey full-key-123', 'full'],
    ['accesskey   full-key-123 ', 'full'],
    ['AccessKey read-key-456', 'read-only'],
    ['AccessKey full-key-1234', null],
    ['Bearer full-key-123', null],
    ['AccessKey', null],
    ['AccessKey full-key-123 extra', null],
    ['', null],
  ] as const)('%j → %s', (header, role) => {
    expect(roleFor(header, keys)).toBe(role);
  });

  it('needs a header', () => {
    expect(roleFor(undefined, keys)).toBeNull();
  });

  it('has no read-only role without a read-only key', () => {
    expect(roleFor('AccessKey read-key-456', { accessKey: 'full-key-123' })).toBeNull();
  });

  it('compares strings of any length', () => {
    expect(constantTimeEqual('a', 'a')).toBe(true);
    expect(constantTimeEqual('a', 'ab')).toBe(false);
  });
});
