import { describe, expect, it } from 'vitest';
import { median } from './stats';

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('takes the upper middle of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(3);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});
