import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError, TimeoutError } from '@/lib/api/errors';
import { noteSessionLost } from '@/lib/api/session';

/** Retries after the first failure of a query (so at most four attempts in all). */
export const MAX_QUERY_RETRIES = 3;
/** No retry waits longer than this, whatever the backoff or `Retry-After` says. */
export const MAX_RETRY_DELAY_MS = 30_000;
const BASE_RETRY_DELAY_MS = 1_000;

/** No answer at all: the fetch layer's `NetworkError` or `TimeoutError`, or a raw fetch TypeError. */
function isNetworkError(error: unknown): boolean {
  return (
    error instanceof NetworkError || error instanceof TimeoutError || error instanceof TypeError
  );
}

/** The `Retry-After` of an error answer, in seconds, when it carries a usable one. */
function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.retryAfter === undefined) return undefined;
  return Number.isFinite(error.retryAfter) && error.retryAfter >= 0 ? error.retryAfter : undefined;
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Whether a failed query should be tried again. `failureCount` is the number of retries
 * already made (TanStack Query passes 0 after the first failure).
 *
 * Retries network errors and timeouts, 408, 429 and 5xx; never other 4xx (the request
 * itself is wrong, or the key lacks permission) nor a response that failed schema validation
 * (it would fail the same way again). A `Retry-After` longer than the longest wait
 * gives up at once rather than leave the page spinning: the user can retry by hand.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (isNetworkError(error)) return true;
  if (!(error instanceof ApiError) || !isTransientStatus(error.status)) return false;
  const retryAfter = retryAfterSeconds(error);
  return retryAfter === undefined || retryAfter * 1_000 <= MAX_RETRY_DELAY_MS;
}

/**
 * How long to wait before the next retry: 1 s, 2 s, 4 s ... capped at 30 s, and never less
 * than the server's `Retry-After`.
 */
export function queryRetryDelay(failureCount: number, error: unknown): number {
  const backoff = BASE_RETRY_DELAY_MS * 2 ** failureCount;
  const retryAfter = (retryAfterSeconds(error) ?? 0) * 1_000;
  return Math.min(Math.max(backoff, retryAfter), MAX_RETRY_DELAY_MS);
}

/** The app's one QueryClient, with Perch's defaults for every query and mutation. */
export function createQueryClient(): QueryClient {
  // A 401 from /api, /media or /upload means the session expired: record "not connected",
  // and the session guard (layout/session-guard.tsx) sends the user to Connect.
  const onError = (error: unknown) => {
    noteSessionLost(queryClient, error);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
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
  return queryClient;
}
