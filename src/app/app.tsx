import { useLayoutEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { AppErrorBoundary } from './errors/app-error-boundary';
import { startInitialLoad } from './initial-load';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { AppRoutes, pageAt } from './router';
import { SERVER_STYLES_ID } from '@/lib/server-render';
import { adoptServerState } from './server-state';

// One for the page's life, made when the app's script runs, which also starts the first
// page's code and data right away, before React renders anything. A page the server
// rendered brings its data with it.
const queryClient = createQueryClient();
const serverRendered = adoptServerState(queryClient);
startInitialLoad(queryClient, window.location);

/**
 * Resolves when the app can render. Over a page the server rendered, only once the page's
 * code is in: rendering sooner would replace its rows with the loading bar.
 */
export async function appReady(): Promise<void> {
  if (!serverRendered) return;
  await pageAt(window.location.pathname)
    ?.load()
    .catch(() => undefined);
}

export function App({ root }: { root: HTMLElement }) {
  // The server's markup sat in a #root made inert and aria-disabled (nothing in it worked
  // yet; automation waits on the latter); the app has just replaced it.
  useLayoutEffect(() => {
    root.removeAttribute('inert');
    root.removeAttribute('aria-disabled');
    document.getElementById(SERVER_STYLES_ID)?.remove();
  }, [root]);
  return (
    <AppErrorBoundary>
      <Providers client={queryClient}>
        {/* Without transitions, a page whose code is still loading shows its progress bar
            at once (the layout's Suspense fallback) instead of the old page lingering. */}
        <BrowserRouter useTransitions={false}>
          <AppRoutes />
        </BrowserRouter>
      </Providers>
    </AppErrorBoundary>
  );
}
