import { describe, expect, it } from 'vitest';
import { largestGap } from './upload-progress-probe';

describe('largestGap', () => {
  it('is the longest time between two consecutive events', () => {
    const events = [0, 40, 90, 400, 420].map((at) => ({ type: 'progress', at, loaded: at }));
    expect(largestGap(events)).toBe(310);
  });

  it('is 0 for fewer than two events', () => {
    expect(largestGap([])).toBe(0);
    expect(largestGap([{ type: 'loadstart', at: 5, loaded: 0 }])).toBe(0);
  });
});
