import type { TimeZonePreference } from '@/lib/time-zone-preference';

/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone (`2026-11-27T15:04`);
 * the address bar and the API speak UTC instants. The user's preference says which zone
 * the wall clock is in.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the input's value in the preferred zone, to the minute. */
export function isoToInputValue(iso: string | undefined, timeZone: TimeZonePreference): string {
  if (iso === undefined) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return timeZone === 'utc'
    ? `${String(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
    : `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The input's value read in the preferred zone, as a UTC instant; `undefined` when empty or bad. */
export function inputValueToIso(value: string, timeZone: TimeZonePreference): string | undefined {
  const match = INPUT_PATTERN.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hours, minutes, seconds] = match
    .slice(1)
    .map((part: string | undefined) => (part === undefined ? 0 : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const parts = [year, month - 1, day, hours ?? 0, minutes ?? 0, seconds ?? 0] as const;
  const ms = timeZone === 'utc' ? Date.UTC(...parts) : new Date(...parts).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
