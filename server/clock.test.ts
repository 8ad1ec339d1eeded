import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('only moves when advanced', () => {
    const clock = new ManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    expect(clock.advance(250)).toBe(1_250);
    expect(clock.now()).toBe(1_250);
  });

  it('refuses to go backwards', () => {
    expect(() => new ManualClock(0).advance(-1)).toThrow(RangeError);
  });
});
