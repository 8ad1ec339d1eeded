import type { TimeZonePreference } from './time-zone-preference';

/**
 * Times as Perch shows them. Exact: `2026-11-27 15:04:05.123 UTC` (or the local zone's
 * offset, `GMT+1`); relative: `just now`, `3 min ago`, `in 2 h`, `5 days ago`.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The offset name of the browser's zone at `date`, e.g. `GMT+1`, `GMT-5:30`, `UTC`. */
export function localOffsetName(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `GMT${sign}${String(hours)}${rest === 0 ? '' : `:${pad(rest)}`}`;
}

/** The exact time with milliseconds and the zone's name, in the preferred zone. */
export function formatExactTime(epochMs: number, timeZone: TimeZonePreference): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return 'invalid time';
  if (timeZone === 'utc') {
    return `${String(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(
      date.getUTCHours(),
    )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)} UTC`;
  }
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)} ${localOffsetName(date)}`;
}

/** A short date and time (to the second) for table cells, in the preferred zone. */
export function formatShortTime(epochMs: number, timeZone: TimeZonePreference): string {
  return formatExactTime(epochMs, timeZone).replace(/\.\d{3}/, '');
}

const UNITS = [
  { limit: 60, size: 1, name: 's' },
  { limit: 3600, size: 60, name: 'min' },
  { limit: 86_400, size: 3600, name: 'h' },
  { limit: 86_400 * 30, size: 86_400, name: 'day' },
  { limit: 86_400 * 365, size: 86_400 * 30, name: 'month' },
  { limit: Infinity, size: 86_400 * 365, name: 'year' },
] as const;

/** `3 min ago`, `in 2 h`, `just now` (under 10 s either way). */
export function formatRelativeTime(epochMs: number, nowMs: number): string {
  const seconds = Math.round((nowMs - epochMs) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 10) return 'just now';
  const unit = UNITS.find((u) => abs < u.limit) ?? UNITS[UNITS.length - 1];
  if (unit === undefined) return 'just now';
  const count = Math.floor(abs / unit.size);
  const plural =
    (unit.name === 'day' || unit.name === 'month' || unit.name === 'year') && count !== 1;
  const text = `${String(count)} ${unit.name}${plural ? 's' : ''}`;
  return seconds >= 0 ? `${text} ago` : `in ${text}`;
}
