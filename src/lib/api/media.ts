/**
 * Media URLs in Bird's answers are absolute (`https://media.api.bird.com/workspaces/…`); the
 * browser has no key to fetch them with and must never talk to a foreign origin. Perch's
 * server serves them under `/media/…`, relayed to the session's media origin with the key.
 */

export const MEDIA_PREFIX = '/media';

function withoutTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * The same-origin `/media/…` path for `mediaUrl` when it starts with one of the session's
 * `mediaBases` (origin and path prefix, compared on whole path segments), else `null`:
 * a foreign URL is never fetched, not even through Perch.
 */
export function toPerchMediaPath(mediaUrl: string, mediaBases: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(mediaUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;

  for (const base of mediaBases) {
    let baseUrl: URL;
    try {
      baseUrl = new URL(base);
    } catch {
      continue;
    }
    if (baseUrl.origin !== url.origin) continue;
    const basePath = withoutTrailingSlash(baseUrl.pathname);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) continue;
    const rest = url.pathname.slice(basePath.length);
    if (rest === '' || rest === '/') continue;
    return `${MEDIA_PREFIX}${rest}${url.search}`;
  }
  return null;
}
