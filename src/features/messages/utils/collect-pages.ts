import { ApiError } from '@/lib/api/errors';
import { nextPageTokenOf, type ListPage } from '@/lib/bird/common';

export interface CollectOptions {
  /** Stop after this many items; `limited` says whether more were there. */
  limit: number;
  signal: AbortSignal;
  onProgress: (progress: { items: number; waitingSeconds?: number }) => void;
  /** How many 429s in a row are waited out before giving up. */
  maxWaits?: number;
  /** Waits `ms`, or rejects when `signal` aborts. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/**
 * Follows a cursor from the first page until the last one or `limit` items. A 429 is waited
 * out for its `Retry-After` (1 s when absent) and the same page asked again; any other error
 * is thrown, and so is the signal's reason when it aborts.
 */
export async function collectPages<T>(
  fetchPage: (pageToken: string | undefined, signal: AbortSignal) => Promise<ListPage<T>>,
  { limit, signal, onProgress, maxWaits = 10, wait = abortableWait }: CollectOptions,
): Promise<{ items: T[]; limited: boolean }> {
  const items: T[] = [];
  let pageToken: string | undefined;
  let waits = 0;
  do {
    signal.throwIfAborted();
    let page: ListPage<T>;
    try {
      page = await fetchPage(pageToken, signal);
    } catch (error) {
      if (error instanceof ApiError && error.status === 429 && waits < maxWaits) {
        waits += 1;
        const seconds = error.retryAfter ?? 1;
        onProgress({ items: items.length, waitingSeconds: seconds });
        await wait(seconds * 1000, signal);
        continue;
      }
      throw error;
    }
    waits = 0;
    items.push(...page.results.slice(0, limit - items.length));
    pageToken = nextPageTokenOf(page);
    onProgress({ items: items.length });
  } while (pageToken !== undefined && items.length < limit);
  return { items, limited: pageToken !== undefined };
}
