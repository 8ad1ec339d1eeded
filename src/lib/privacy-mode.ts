import { useCallback, useSyncExternalStore } from 'react';
import { createStoredPreference } from './stored-preference';
import { VIEW_PREFERENCE_KEYS } from './view-cookie';

/**
 * Privacy mode, for screen sharing: recipients and message content are masked wherever
 * they are shown (lists and the message page). Remembered per browser.
 */

export const PRIVACY_STORAGE_KEY = VIEW_PREFERENCE_KEYS.privacy;

export function parsePrivacyMode(raw: string | null): boolean {
  return raw === 'on';
}

export const privacyMode = createStoredPreference<boolean>({
  key: PRIVACY_STORAGE_KEY,
  parse: parsePrivacyMode,
  serialize: (on) => (on ? 'on' : 'off'),
});

export function usePrivacyMode(): {
  privacy: boolean;
  setPrivacy: (on: boolean) => void;
  togglePrivacy: () => void;
} {
  const privacy = useSyncExternalStore(
    privacyMode.subscribe,
    privacyMode.get,
    privacyMode.getServerSnapshot,
  );
  const setPrivacy = useCallback((on: boolean) => {
    privacyMode.set(on);
  }, []);
  const togglePrivacy = useCallback(() => {
    privacyMode.set(!privacyMode.get());
  }, []);
  return { privacy, setPrivacy, togglePrivacy };
}

const DOT = '•';

/**
 * An identifier with most of it hidden: a phone number keeps its `+` and country-ish first
 * two digits and its last two (`+31•••••••78`); an email keeps its first letter and its
 * domain (`j•••@example.com`); anything else keeps its first and last character.
 */
export function maskIdentifier(value: string): string {
  const at = value.lastIndexOf('@');
  if (at > 0) return `${value.slice(0, 1)}${DOT.repeat(3)}${value.slice(at)}`;
  if (/^\+\d{6,}$/.test(value)) {
    return `${value.slice(0, 3)}${DOT.repeat(value.length - 5)}${value.slice(-2)}`;
  }
  if (value.length <= 2) return DOT.repeat(value.length);
  return `${value.slice(0, 1)}${DOT.repeat(Math.min(value.length - 2, 8))}${value.slice(-1)}`;
}

/** Content is hidden entirely: only its rough length shows. */
export function maskContent(value: string): string {
  if (value === '') return '';
  return DOT.repeat(Math.max(3, Math.min(12, Math.ceil(value.length / 8))));
}
