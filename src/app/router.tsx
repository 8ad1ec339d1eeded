import { createBrowserRouter, redirect, RouterProvider, type RouteObject } from 'react-router';
import { RouteErrorBoundary } from './errors/route-error-boundary';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './routes/not-found';

/**
 * Every page is a lazy route module in ./routes exporting `Component` (and, when it needs
 * them, `loader` or its own `ErrorBoundary`), so each page's code loads on first visit.
 */
export const routes: RouteObject[] = [
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
        children: [
          { index: true, loader: () => redirect('/messages') },
          { path: 'messages', lazy: () => import('./routes/messages') },
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

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
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
