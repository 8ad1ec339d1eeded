/** "in 3 hours", "in 2 days", "in 5 minutes", or "in the past" for a time from `now`. */
export function fromNow(at: number, now: number): string {
  const ms = at - now;
  if (ms < 0) return 'in the past';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return format.format(minutes, 'minute');
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return format.format(hours, 'hour');
  return format.format(Math.round(ms / 86_400_000), 'day');
}
