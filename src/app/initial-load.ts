import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '@/lib/api/session';
import { pageAt } from './router';

/**
 * What the first page needs, started when the app's script runs rather than when React
 * gets to it: the session check, the page's code, and for Messages (where `/` leads and
 * operators spend their day) the first page of the list the address asks for. All three go
 * out together. Never throws: a failure is the page's to show when it asks again.
 */
export function startInitialLoad(queryClient: QueryClient, location: Location): void {
  const ignore = () => undefined;
  queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' }).catch(ignore);
  const pathname = location.pathname === '/' ? '/messages' : location.pathname;
  pageAt(pathname)?.load().catch(ignore);
  if (pathname === '/messages') {
    import('./loaders/messages-loader')
      .then(({ prefetchMessagesPage }) => prefetchMessagesPage(queryClient, new URL(location.href)))
      .catch(ignore);
  }
}
