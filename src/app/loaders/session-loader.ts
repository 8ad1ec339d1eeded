import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '@/lib/api/session';

/**
 * The pages' parent loader: starts the session check as soon as the router starts, beside
 * loading the page's code, instead of when the session guard first renders. Returns at
 * once and never fails: the guard reads the query and shows its error. An answer already
 * in the cache is kept (the guard and window focus keep it current).
 */
export function sessionLoader(queryClient: QueryClient) {
  return (): null => {
    queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' }).catch(() => undefined);
    return null;
  };
}
