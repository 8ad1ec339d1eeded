import { AppErrorBoundary } from './errors/app-error-boundary';
import { Providers } from './providers';
import { AppRouter } from './router';

export function App() {
  return (
    <AppErrorBoundary>
      <Providers>
        <AppRouter />
      </Providers>
    </AppErrorBoundary>
  );
}
