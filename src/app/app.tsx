import { BrowserRouter } from 'react-router';
import { AppErrorBoundary } from './errors/app-error-boundary';
import { startInitialLoad } from './initial-load';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';

// One for the page's life, made when the app's script runs, which also starts the first
// page's code and data right away, before React renders anything.
const queryClient = createQueryClient();
startInitialLoad(queryClient, window.location);

export function App() {
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
