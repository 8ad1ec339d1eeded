import { queryOptions } from '@tanstack/react-query';
import { birdKeys } from './bird-keys';
import { apiErrorFromResponse } from './errors';
import { MEDIA_PREFIX } from './media';

/**
 * The size of a media file, without its bytes: a HEAD on Perch's `/media/…` (answered from
 * the upstream's headers) and its Content-Length. Bird's messages do not carry sizes.
 */

/** A whole, non-negative byte count, else null (absent or not a number). */
export function parseContentLength(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  const bytes = Number(header.trim());
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/**
 * The size in bytes of the media at `path` (a same-origin `/media/…` path, see
 * `toPerchMediaPath`), or null when the answer does not say. Error answers throw `ApiError`.
 */
export async function fetchMediaSize(path: string, signal?: AbortSignal): Promise<number | null> {
  if (!path.startsWith(`${MEDIA_PREFIX}/`)) throw new Error(`Not a /media path: ${path}`);
  const response = await globalThis.fetch(path, {
    method: 'HEAD',
    credentials: 'same-origin',
    signal: signal ?? null,
  });
  if (!response.ok) throw await apiErrorFromResponse(response, path);
  return parseContentLength(response.headers.get('content-length'));
}

/**
 * Keyed by the path, which names the workspace (`/media/workspaces/<ws>/…`), under Bird's
 * one root so that a disconnect drops it with the rest. Bytes at a media URL never change.
 */
export function mediaSizeQueryOptions(path: string) {
  return queryOptions({
    queryKey: [...birdKeys.all, 'media-size', path] as const,
    queryFn: ({ signal }) => fetchMediaSize(path, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
