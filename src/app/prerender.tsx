import { QueryClient, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { setApiTransport } from '@/lib/api/client';
import { withServerRender } from '@/lib/server-render';
import type { View } from '@/lib/view-cookie';
import { prefetchMessagesPage } from './loaders/messages-loader';
import { Providers } from './providers';
import { AppRoutes, pageAt } from './router';

/**
 * The server's render of the Messages page (built by `vite build --ssr` into dist-ssr/ and
 * loaded by server/prerender/): the same components, the same queries and the same first
 * requests as the browser's first render, answered in-process, so that a returning
 * operator's page arrives with its first rows in the HTML and paints them before the app's
 * code has run. The browser then renders the app over it from the same data
 * (`state`, see src/app/server-state.ts), which it reads instead of asking again.
 */

export { setApiTransport };
export { parseViewCookie } from '@/lib/view-cookie';

export interface Prerendered {
  /** The markup of #root. */
  html: string;
  /** The query cache the markup was rendered from. */
  state: DehydratedState;
}

/**
 * The page at `url` (a /messages address) as `view`'s browser would render it at `now`,
 * or undefined when there is nothing worth sending early: not connected, a list that failed
 * or a preset range (anchored by the browser's clock), where the browser renders the page
 * itself as it always does.
 */
export async function prerenderMessagesPage(
  url: URL,
  view: View,
  now: number,
): Promise<Prerendered | undefined> {
  // Nothing is retried here: a failure is the browser's to show (and retry) as usual.
  const page = pageAt(url.pathname);
  if (url.pathname !== '/messages' || page === undefined) return undefined;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // No list key: not connected, or a preset range the loader leaves to the browser.
  const [, listKey] = await Promise.all([page.load(), prefetchMessagesPage(queryClient, url)]);
  if (listKey === undefined || queryClient.getQueryState(listKey)?.status !== 'success') {
    return undefined;
  }

  const html = withServerRender({ view, now }, () =>
    renderToString(
      <Providers client={queryClient}>
        <StaticRouter location={`${url.pathname}${url.search}`}>
          <AppRoutes />
        </StaticRouter>
      </Providers>,
    ),
  );
  // Only what succeeded goes to the browser; a failed query is asked again there.
  const state = dehydrate(queryClient, {
    shouldDehydrateQuery: (query) => query.state.status === 'success',
  });
  queryClient.clear();
  return { html, state };
}
