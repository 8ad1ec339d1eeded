/** Where the app goes after connecting when no (valid) `next` was given. */
export const DEFAULT_AFTER_CONNECT = '/messages';

const PROBE_ORIGIN = 'http://perch.invalid';

/**
 * The `next` search parameter as a same-origin path (`/messages?status=sent`), or `null`
 * when it is absent or could lead elsewhere: absolute URLs, protocol-relative `//host`,
 * backslash tricks, control characters, or `/connect` itself.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  if (url.pathname === '/connect' || url.pathname.startsWith('/connect/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The path to open after connecting. */
export function afterConnectPath(raw: string | null | undefined): string {
  return safeNextPath(raw) ?? DEFAULT_AFTER_CONNECT;
}

/**
 * `/connect?next=<path>` for the page the user is on; plain `/connect` when that is where
 * connecting leads anyway (or is not a page to come back to).
 */
export function connectPathFor(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === null || next === '/' || next === DEFAULT_AFTER_CONNECT
    ? '/connect'
    : `/connect?next=${encodeURIComponent(next)}`;
}
