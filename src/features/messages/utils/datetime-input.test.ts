import { describe, expect, it } from 'vitest';
import { inputValueToIso, isoToInputValue } from './datetime-input';

describe('datetime-local values', () => {
  it('round-trips in UTC', () => {
    expect(isoToInputValue('2026-11-27T15:04:05.123Z', 'utc')).toBe('2026-11-27T15:04');
    expect(inputValueToIso('2026-11-27T15:04', 'utc')).toBe('2026-11-27T15:04:00.000Z');
    expect(inputValueToIso('2026-11-27T15:04:30', 'utc')).toBe('2026-11-27T15:04:30.000Z');
  });

  it('round-trips in the local zone', () => {
    const iso = inputValueToIso('2026-11-27T15:04', 'local');
    expect(iso).toBeDefined();
    expect(isoToInputValue(iso, 'local')).toBe('2026-11-27T15:04');
  });

  it('treats empty and malformed values as no time', () => {
    expect(inputValueToIso('', 'utc')).toBeUndefined();
    expect(inputValueToIso('yesterday', 'utc')).toBeUndefined();
    expect(isoToInputValue(undefined, 'utc')).toBe('');
    expect(isoToInputValue('nope', 'utc')).toBe('');
  });
});
