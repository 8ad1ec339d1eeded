import { serverRender } from './server-render';
import type { TimeZonePreference } from './time-zone-preference';

/**
 * Times as Perch shows them. Exact: `2026-11-27 15:04:05.123 UTC` (or the local zone's
 * offset, `GMT+1`); relative: `just now`, `3 min ago`, `in 2 h`, `5 days ago`.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An offset east of UTC in minutes as Perch names it: `GMT+1`, `GMT-5:30`, `UTC`. */
function offsetName(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `GMT${sign}${String(hours)}${rest === 0 ? '' : `:${pad(rest)}`}`;
}

/** The offset name of the browser's zone at `date`, e.g. `GMT+1`, `GMT-5:30`, `UTC`. */
export function localOffsetName(date: Date): string {
  return offsetName(-date.getTimezoneOffset());
}

/** A wall-clock time: the fields of a date in some zone, and that zone's offset then. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  offsetMinutes: number;
}

function utcWallClock(date: Date): WallClock {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hours: date.getUTCHours(),
    minutes: date.getUTCMinutes(),
    seconds: date.getUTCSeconds(),
    offsetMinutes: 0,
  };
}

function browserWallClock(date: Date): WallClock {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hours: date.getHours(),
    minutes: date.getMinutes(),
    seconds: date.getSeconds(),
    offsetMinutes: -date.getTimezoneOffset(),
  };
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall clock in an IANA zone other than the runtime's: on the server, the browser's
 * zone as its view cookie reports it (src/lib/server-render.ts).
 */
export function zonedWallClock(date: Date, zone: string): WallClock {
  let format = zoneFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(zone, format);
  }
  const parts = format.formatToParts(date);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
  const clock = {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hours: value('hour'),
    minutes: value('minute'),
    seconds: value('second'),
  };
  const wholeSecond = date.getTime() - date.getUTCMilliseconds();
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hours,
    clock.minutes,
    clock.seconds,
  );
  return { ...clock, offsetMinutes: Math.round((asUtc - wholeSecond) / 60_000) };
}

function wallClock(date: Date, timeZone: TimeZonePreference): WallClock {
  if (timeZone === 'utc') return utcWallClock(date);
  const render = serverRender();
  return render === undefined ? browserWallClock(date) : zonedWallClock(date, render.view.zone);
}

/** The exact time with milliseconds and the zone's name, in the preferred zone. */
export function formatExactTime(epochMs: number, timeZone: TimeZonePreference): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return 'invalid time';
  const clock = wallClock(date, timeZone);
  const zoneName = timeZone === 'utc' ? 'UTC' : offsetName(clock.offsetMinutes);
  return `${String(clock.year)}-${pad(clock.month)}-${pad(clock.day)} ${pad(clock.hours)}:${pad(
    clock.minutes,
  )}:${pad(clock.seconds)}.${pad(date.getUTCMilliseconds(), 3)} ${zoneName}`;
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
