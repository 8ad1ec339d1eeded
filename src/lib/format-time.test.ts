import { describe, expect, it } from 'vitest';
import { formatExactTime, formatRelativeTime, formatShortTime } from './format-time';
import { withServerRender } from './server-render';
import { parseTimeZonePreference } from './time-zone-preference';

const at = Date.parse('2026-11-27T15:04:05.123Z');

describe('formatExactTime', () => {
  it('writes UTC with milliseconds and the zone', () => {
    expect(formatExactTime(at, 'utc')).toBe('2026-11-27 15:04:05.123 UTC');
    expect(formatShortTime(at, 'utc')).toBe('2026-11-27 15:04:05 UTC');
  });
  it('writes local time with the offset name', () => {
    expect(formatExactTime(at, 'local')).toMatch(
      /^2026-11-2\d \d\d:\d\d:05\.123 (UTC|GMT[+-]\d{1,2}(:\d\d)?)$/,
    );
  });
  it('never throws on a bad time', () => {
    expect(formatExactTime(Number.NaN, 'utc')).toBe('invalid time');
  });
});

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [9_000, 'just now'],
    [45_000, '45 s ago'],
    [3 * 60_000, '3 min ago'],
    [2 * 3_600_000 + 5, '2 h ago'],
    [86_400_000, '1 day ago'],
    [5 * 86_400_000, '5 days ago'],
    [-3 * 60_000, 'in 3 min'],
  ])('%d ms before now reads %s', (ago, text) => {
    expect(formatRelativeTime(at - ago, at)).toBe(text);
  });
});

describe('parseTimeZonePreference', () => {
  it('is utc only when stored so; anything else is local', () => {
    expect(parseTimeZonePreference('utc')).toBe('utc');
    expect(parseTimeZonePreference('local')).toBe('local');
    expect(parseTimeZonePreference('Mars/Olympus')).toBe('local');
    expect(parseTimeZonePreference(null)).toBe('local');
  });
});

describe('on the server, times in the browser zone its view reports', () => {
  const view = { zone: 'America/St_Johns', theme: 'light' as const, prefs: {} };
  it('formats in that zone with its offset, across a DST change', () => {
    withServerRender({ view, now: 0 }, () => {
      expect(formatExactTime(Date.UTC(2026, 10, 27, 15, 4, 5, 123), 'local')).toBe(
        '2026-11-27 11:34:05.123 GMT-3:30',
      );
      expect(formatExactTime(Date.UTC(2026, 6, 1, 0, 0, 0, 9), 'local')).toBe(
        '2026-06-30 21:30:00.009 GMT-2:30',
      );
      expect(formatShortTime(Date.UTC(2026, 10, 27, 15, 4, 5, 123), 'utc')).toBe(
        '2026-11-27 15:04:05 UTC',
      );
    });
  });
  it('agrees with the browser path for the runtime zone', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const at of [0, Date.UTC(2026, 2, 29, 1, 30), Date.UTC(2026, 9, 25, 0, 59, 59, 999)]) {
      const inBrowser = formatExactTime(at, 'local');
      expect(
        withServerRender({ view: { ...view, zone }, now: 0 }, () => formatExactTime(at, 'local')),
      ).toBe(inBrowser);
    }
  });
});
