import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { RouteErrorBoundary } from './errors/route-error-boundary';
import { AppLayout } from './layout/app-layout';
import { sessionLoader } from './loaders/session-loader';
import { NotFound } from './routes/not-found';

/**
 * Every page is a lazy route module in ./routes exporting `Component` (and, when it needs
 * them, its own `ErrorBoundary`), so each page's code loads on first visit. A loader that
 * starts a page's first requests lives in ./loaders and is lazy on its own (React Router's
 * per-property `lazy`), so it runs as soon as its small chunk is in, beside the page's code
 * still loading, not after it.
 */
export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: '/',
    Component: AppLayout,
    // The layout itself failed: no top bar to keep, so the fallback fills the page.
    ErrorBoundary: LayoutErrorBoundary,
    HydrateFallback: AppLoading,
    children: [
      {
        // A page that fails shows its error inside the layout, top bar still working.
        ErrorBoundary: RouteErrorBoundary,
        loader: sessionLoader(queryClient),
        children: [
          { index: true, loader: () => redirect('/messages') },
          {
            path: 'messages',
            lazy: {
              loader: async () =>
                (await import('./loaders/messages-loader')).messagesLoader(queryClient),
              Component: async () => (await import('./routes/messages')).Component,
            },
          },
          {
            path: 'messages/:channelId/:messageId',
            lazy: () => import('./routes/message-detail'),
          },
          { path: 'compose', lazy: () => import('./routes/compose') },
          { path: 'media', lazy: () => import('./routes/media') },
          { path: 'connect', lazy: () => import('./routes/connect') },
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
];

/** The app's router. Created once, before the first render: it starts loading at once. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

function LayoutErrorBoundary() {
  return (
    <main id="content" className="app-main">
      <RouteErrorBoundary />
    </main>
  );
}

/** Shown for the moment the first page's code is loading. */
function AppLoading() {
  return (
    <p className="visually-hidden" role="status">
      Loading Perch…
    </p>
  );
}
