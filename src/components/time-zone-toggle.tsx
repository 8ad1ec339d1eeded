import { useTimeZonePreference } from '@/lib/time-zone-preference';

/** One click between the browser's time zone and UTC; pressed when UTC is on. */
export function TimeZoneToggle() {
  const { timeZone, toggleTimeZone } = useTimeZonePreference();
  return (
    <button
      type="button"
      className="button"
      aria-pressed={timeZone === 'utc'}
      onClick={toggleTimeZone}
      title={timeZone === 'utc' ? 'Times are in UTC' : 'Times are in your time zone'}
    >
      UTC
    </button>
  );
}
