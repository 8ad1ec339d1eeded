import { describe, expect, it } from 'vitest';
import { MIN_RATE_SPAN_MS, RATE_WINDOW_MS, RateMeter } from './rate-meter';

describe('RateMeter', () => {
  it('reports nothing until enough time has passed', () => {
    const meter = new RateMeter();
    meter.reset(0);
    meter.sample(MIN_RATE_SPAN_MS - 1, 1000);
    expect(meter.bytesPerSecond()).toBeUndefined();
    expect(meter.secondsLeft(10_000)).toBeUndefined();
    meter.sample(500, 1000);
    expect(meter.bytesPerSecond()).toBe(2000);
    expect(meter.secondsLeft(10_000)).toBe(4.5);
  });

  it('follows the last few seconds, not the whole transfer', () => {
    const meter = new RateMeter();
    meter.reset(0);
    // 1 s at 10 kB/s, then 10 s at 1 kB/s.
    meter.sample(1000, 10_000);
    for (let second = 2; second <= 11; second += 1)
      meter.sample(second * 1000, 10_000 + (second - 1) * 1000);
    expect(meter.bytesPerSecond()).toBeCloseTo(1000);
    expect(RATE_WINDOW_MS).toBe(3000);
  });

  it('starts over when the count goes back (a new attempt)', () => {
    const meter = new RateMeter();
    meter.reset(0);
    meter.sample(1000, 5000);
    meter.sample(1100, 0);
    expect(meter.bytesPerSecond()).toBeUndefined();
  });
});
