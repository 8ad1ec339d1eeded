import { QueryClient } from '@tanstack/react-query';

/** Retries after the first failure of a query (so at most four attempts in all). */
export const MAX_QUERY_RETRIES = 3;
/** No retry waits longer than this, whatever the backoff or `Retry-After` says. */
export const MAX_RETRY_DELAY_MS = 30_000;
const BASE_RETRY_DELAY_MS = 1_000;

/**
 * The part of an HTTP error that the retry policy reads. The typed API client's errors carry
 * the response status and, for 429 and 503, the `Retry-After` header in seconds. Read
 * structurally so that any error with that shape is understood.
 */
interface HttpErrorShape {
  status: number;
  retryAfter?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function httpErrorShape(error: unknown): HttpErrorShape | undefined {
  if (!isRecord(error) || typeof error.status !== 'number') return undefined;
  const { status, retryAfter } = error;
  return typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0
    ? { status, retryAfter }
    : { status };
}

/** `fetch` rejects with a TypeError when the request never got an answer. */
function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Whether a failed query should be tried again. `failureCount` is the number of retries
 * already made (TanStack Query passes 0 after the first failure).
 *
 * Retries network errors, 408, 429 and 5xx; never other 4xx (the request itself is wrong,
 * or the key lacks permission) nor errors without a status (a response that failed schema
 * validation will fail the same way again). A `Retry-After` longer than the longest wait
 * gives up at once rather than leave the page spinning: the user can retry by hand.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (isNetworkError(error)) return true;
  const http = httpErrorShape(error);
  if (!http || !isTransientStatus(http.status)) return false;
  return http.retryAfter === undefined || http.retryAfter * 1_000 <= MAX_RETRY_DELAY_MS;
}

/**
 * How long to wait before the next retry: 1 s, 2 s, 4 s ... capped at 30 s, and never less
 * than the server's `Retry-After`.
 */
export function queryRetryDelay(failureCount: number, error: unknown): number {
  const backoff = BASE_RETRY_DELAY_MS * 2 ** failureCount;
  const retryAfter = (httpErrorShape(error)?.retryAfter ?? 0) * 1_000;
  return Math.min(Math.max(backoff, retryAfter), MAX_RETRY_DELAY_MS);
}

/** The app's one QueryClient, with Perch's defaults for every query and mutation. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        retryDelay: queryRetryDelay,
        // Lists show what changed while the operator was in another window.
        refetchOnWindowFocus: true,
      },
      mutations: {
        // A send or an upload is never repeated behind the operator's back.
        retry: 0,
      },
    },
  });
}
