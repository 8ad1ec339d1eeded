import { RouterProvider } from 'react-router';
import { AppErrorBoundary } from './errors/app-error-boundary';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

// One of each for the page's life, made when the app's script runs: the router starts the
// first page's code and data right away, before React renders anything.
const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

export function App() {
  return (
    <AppErrorBoundary>
      <Providers client={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </AppErrorBoundary>
  );
}
