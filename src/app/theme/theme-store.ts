/**
 * The colour theme: light or dark, following the system setting until the operator picks
 * one with the toggle; the pick is remembered in localStorage. The theme is applied as
 * `data-theme` on <html>, which `theme.css` reads.
 *
 * `public/theme-init.js` applies the same rule before first paint (a render-blocking
 * classic script, since the CSP forbids inline ones); keep the two in step.
 */

import { serverRender } from '@/lib/server-render';
import { writeViewCookie } from '@/lib/view-cookie';

export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'perch.theme';
const DARK_SCHEME_QUERY = '(prefers-color-scheme: dark)';

export function parseThemeChoice(value: string | null): Theme | null {
  return value === 'light' || value === 'dark' ? value : null;
}

export function resolveTheme(choice: Theme | null, systemPrefersDark: boolean): Theme {
  return choice ?? (systemPrefersDark ? 'dark' : 'light');
}

export function oppositeTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}

function readStoredChoice(): Theme | null {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    // Storage can be disabled; the theme then follows the system until a pick is made.
    return null;
  }
}

/** The pick of this tab; read lazily so that importing this module touches no browser API. */
let choice: Theme | null | undefined;
const listeners = new Set<() => void>();

function currentChoice(): Theme | null {
  choice ??= readStoredChoice();
  return choice;
}

/** The theme in effect now. Also the snapshot for `useSyncExternalStore`. */
export function currentTheme(): Theme {
  return resolveTheme(currentChoice(), window.matchMedia(DARK_SCHEME_QUERY).matches);
}

/** The theme the server renders in: the one this browser's view cookie reports. */
export function serverTheme(): Theme {
  return serverRender()?.view.theme ?? 'light';
}

function applyTheme(): void {
  document.documentElement.dataset.theme = currentTheme();
}

function notify(): void {
  applyTheme();
  // The server renders the next page load in it (src/lib/view-cookie.ts).
  writeViewCookie();
  for (const listener of listeners) listener();
}

export function subscribeToTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Makes `theme` the explicit pick, remembered across reloads. */
export function chooseTheme(theme: Theme): void {
  choice = theme;
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not remembered, but still applied to this tab.
  }
  notify();
}

/**
 * Applies the theme now and keeps it in step with the system setting and with picks made in
 * other tabs. Call once, before the first render.
 */
export function startThemeSync(): () => void {
  applyTheme();
  const media = window.matchMedia(DARK_SCHEME_QUERY);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && event.key !== THEME_STORAGE_KEY) return;
    choice = readStoredChoice();
    notify();
  };
  media.addEventListener('change', notify);
  window.addEventListener('storage', onStorage);
  return () => {
    media.removeEventListener('change', notify);
    window.removeEventListener('storage', onStorage);
  };
}
