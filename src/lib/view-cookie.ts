import { z } from '@/lib/zod';

/**
 * What the server needs to know of this browser to render a page as the browser would: the
 * preferences that change what a page shows (privacy mode above all, the time zone, the
 * columns) and the theme in effect. The browser keeps them in localStorage; it copies them
 * into the `perch-view` cookie when the app starts and whenever one changes, so that a
 * returning operator's Messages page arrives with its first rows already in the HTML (see
 * src/app/prerender.tsx). Without the cookie the server renders nothing: it never guesses,
 * so a page in privacy mode can never arrive unmasked.
 */

export const VIEW_COOKIE = 'perch-view';

/** The localStorage keys copied into the cookie, and nothing else. */
export const VIEW_PREFERENCE_KEYS = {
  privacy: 'perch.privacy',
  timeZone: 'perch.timeZone',
  columns: 'perch.messages.columns',
  columnSizes: 'perch.messages.columnSizes',
} as const;

type ViewPreferenceKey = (typeof VIEW_PREFERENCE_KEYS)[keyof typeof VIEW_PREFERENCE_KEYS];
const PREFERENCE_KEYS: readonly ViewPreferenceKey[] = Object.values(VIEW_PREFERENCE_KEYS);

/** Far below a cookie's 4 KB; a longer one is refused rather than cut. */
const MAX_VALUE_LENGTH = 1_000;
const ONE_YEAR_S = 365 * 24 * 60 * 60;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const storedValue = z.optional(z.string().check(z.maxLength(MAX_VALUE_LENGTH)));

export const viewSchema = z.object({
  /** The browser's IANA time zone, for times shown in "local" time. */
  zone: z.string().check(z.maxLength(64), z.refine(isTimeZone, 'not a time zone')),
  theme: z.enum(['light', 'dark']),
  prefs: z.object({
    [VIEW_PREFERENCE_KEYS.privacy]: storedValue,
    [VIEW_PREFERENCE_KEYS.timeZone]: storedValue,
    [VIEW_PREFERENCE_KEYS.columns]: storedValue,
    [VIEW_PREFERENCE_KEYS.columnSizes]: storedValue,
  }),
});

export type View = z.infer<typeof viewSchema>;

/**
 * The view in the cookie's value (decoded, as a cookie parser gives it), or undefined when
 * absent or not understood.
 */
export function parseViewCookie(value: string | undefined): View | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const parsed = viewSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function serializeView(view: View): string {
  return encodeURIComponent(JSON.stringify(view));
}

/** Well under the 4 KB a browser keeps of a cookie (name and attributes included). */
export const MAX_COOKIE_VALUE_LENGTH = 3_500;

/**
 * The cookie's value for `view`, short enough that the browser keeps it: a cookie too long
 * is dropped, and the previous one would stay, privacy mode and all. The column choices
 * give way first; privacy mode and the time zone always fit.
 */
export function cookieValueFor(view: View): string {
  let value = serializeView(view);
  for (const key of [VIEW_PREFERENCE_KEYS.columnSizes, VIEW_PREFERENCE_KEYS.columns]) {
    if (value.length <= MAX_COOKIE_VALUE_LENGTH) break;
    const prefs = Object.fromEntries(Object.entries(view.prefs).filter(([name]) => name !== key));
    view = { ...view, prefs };
    value = serializeView(view);
  }
  return value;
}

/** The stored text of a copied preference, as localStorage would give it. */
export function viewPreference(view: View, key: string): string | null {
  const prefs: Partial<Record<string, string>> = view.prefs;
  return prefs[key] ?? null;
}

/** This browser's view, read from localStorage and <html data-theme>. */
export function readBrowserView(): View {
  const prefs: Partial<Record<ViewPreferenceKey, string>> = {};
  for (const key of PREFERENCE_KEYS) {
    try {
      const value = window.localStorage.getItem(key);
      if (value !== null && value.length <= MAX_VALUE_LENGTH) prefs[key] = value;
    } catch {
      // Storage disabled: the defaults, which is what this tab shows too.
    }
  }
  return {
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    theme: document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
    prefs,
  };
}

/**
 * Copies this browser's view into the cookie. Not HttpOnly (the browser writes it); it
 * holds display preferences only, never a secret, and goes only to Perch's own origin.
 */
export function writeViewCookie(): void {
  if (typeof document === 'undefined') return;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${VIEW_COOKIE}=${cookieValueFor(readBrowserView())}; Path=/; Max-Age=${String(
    ONE_YEAR_S,
  )}; SameSite=Strict${secure}`;
}
