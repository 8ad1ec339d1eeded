import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count';

describe('formatCount', () => {
  it('groups thousands with commas, as English does', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(104_857_600)).toBe('104,857,600');
    expect(formatCount(-1234)).toBe('-1,234');
  });

  it('agrees with the locale formatter for whole numbers', () => {
    for (const n of [7, 42, 1001, 65_536, 1_000_000, 9_007_199_254_740_991]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
    }
  });

  it('leaves what is not a whole number as it is', () => {
    expect(formatCount(1.5)).toBe('1.5');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
