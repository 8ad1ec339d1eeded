/**
 * How a URL found in an email is treated. Only two kinds ever load inside the email frame:
 * `data:` images (they never leave the browser) and, once the user allowed remote content
 * for the message, `https:` URLs. Everything else (plain `http:`, relative paths, which in
 * a `srcdoc` frame would resolve against Perch's own origin, `cid:` parts, `javascript:`
 * and every other scheme) is never loaded.
 */
export type ResourceKind = 'inline' | 'remote' | 'insecure' | 'other';

const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+[;,]/i;

/** Control characters and spaces browsers strip from URLs before reading the scheme. */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;

export function classifyResourceUrl(raw: string): ResourceKind {
  const value = raw.replace(IGNORED_IN_URL, '');
  if (DATA_IMAGE.test(value)) return 'inline';
  const lower = value.toLowerCase();
  if (lower.startsWith('https:')) return 'remote';
  // `//host/x` is protocol-relative: as remote as it gets, on the page's (http) scheme.
  if (lower.startsWith('http:') || lower.startsWith('//') || lower.startsWith('\\\\')) {
    return 'insecure';
  }
  return 'other';
}

/** Whether a resource at `raw` may load in the frame under the given consent. */
export function mayLoadResource(raw: string, allowRemote: boolean): boolean {
  const kind = classifyResourceUrl(raw);
  return kind === 'inline' || (kind === 'remote' && allowRemote);
}

/** Whether a URL is something a user could be sent to: it would reach another server. */
export function isRemoteReference(raw: string): boolean {
  const kind = classifyResourceUrl(raw);
  return kind === 'remote' || kind === 'insecure';
}

const LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];

/**
 * The URL as a link target when it is an absolute http(s), mailto or tel URL, else `null`
 * (`javascript:`, `data:`, relative paths and everything else are never clickable).
 */
export function safeLinkUrl(raw: string): string | null {
  let url: URL;
  try {
    // The URL parser itself drops the spaces, tabs and newlines that hide a scheme.
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!LINK_SCHEMES.includes(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') return null;
  return url.href;
}
