import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatSpeed } from './format';

describe('formatBytes', () => {
  it('counts bytes, then KB, MB and GB in 1024s', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(104_857_600)).toBe('100 MB');
    expect(formatBytes(104_857_601)).toBe('100 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
  });

  it('speeds are sizes per second', () => {
    expect(formatSpeed(1.25 * 1024 * 1024)).toBe('1.3 MB/s');
  });
});

describe('formatDuration', () => {
  it('rounds up to whole seconds and uses minutes and hours when long', () => {
    expect(formatDuration(0)).toBe('less than a second');
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('unknown');
  });
});
