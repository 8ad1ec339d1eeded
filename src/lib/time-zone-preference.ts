import { useCallback, useSyncExternalStore } from 'react';
import { createStoredPreference } from './stored-preference';
import { VIEW_PREFERENCE_KEYS } from './view-cookie';

/** Where times are shown: the browser's own time zone, or UTC. Remembered per browser. */
export type TimeZonePreference = 'local' | 'utc';

export const TIME_ZONE_STORAGE_KEY = VIEW_PREFERENCE_KEYS.timeZone;

export function parseTimeZonePreference(raw: string | null): TimeZonePreference {
  return raw === 'utc' ? 'utc' : 'local';
}

export const timeZonePreference = createStoredPreference<TimeZonePreference>({
  key: TIME_ZONE_STORAGE_KEY,
  parse: parseTimeZonePreference,
  serialize: (value) => value,
});

export function useTimeZonePreference(): {
  timeZone: TimeZonePreference;
  setTimeZone: (value: TimeZonePreference) => void;
  toggleTimeZone: () => void;
} {
  const timeZone = useSyncExternalStore(
    timeZonePreference.subscribe,
    timeZonePreference.get,
    timeZonePreference.getServerSnapshot,
  );
  const setTimeZone = useCallback((value: TimeZonePreference) => {
    timeZonePreference.set(value);
  }, []);
  const toggleTimeZone = useCallback(() => {
    timeZonePreference.set(timeZonePreference.get() === 'utc' ? 'local' : 'utc');
  }, []);
  return { timeZone, setTimeZone, toggleTimeZone };
}
