import { describe, expect, it } from 'vitest';
import { directionalRange } from './directional-range';

const range = { startIndex: 20, endIndex: 29, overscan: 8, count: 100 };

describe('directionalRange', () => {
  it('renders the whole overscan both ways at rest', () => {
    const indexes = directionalRange(range, null, 2);
    expect(indexes[0]).toBe(12);
    expect(indexes.at(-1)).toBe(37);
    expect(indexes).toHaveLength(26);
  });

  it('keeps only `behind` rows above while scrolling down, and below while scrolling up', () => {
    expect(directionalRange(range, 'forward', 2)).toEqual(
      Array.from({ length: 20 }, (_, i) => 18 + i),
    );
    expect(directionalRange(range, 'backward', 2)).toEqual(
      Array.from({ length: 20 }, (_, i) => 12 + i),
    );
  });

  it('stays inside the list at its ends', () => {
    expect(directionalRange({ ...range, startIndex: 0, endIndex: 5 }, 'backward', 2)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(directionalRange({ ...range, startIndex: 95, endIndex: 99 }, 'forward', 2)).toEqual([
      93, 94, 95, 96, 97, 98, 99,
    ]);
    expect(directionalRange({ ...range, startIndex: 0, endIndex: 0, count: 1 }, null, 2)).toEqual([
      0,
    ]);
  });
});
