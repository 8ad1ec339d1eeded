import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useLocation, useNavigate, useRouteError } from 'react-router';
import { ErrorFallback } from '@/components/error-fallback';
import { errorMessage, isModuleLoadError } from './error-message';

/**
 * A route's error element: a page that threw (while loading its code, its data, or while
 * rendering) shows why, with Retry, inside the app layout.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const navigate = useNavigate();
  const { reset } = useQueryErrorResetBoundary();

  const retry = async () => {
    if (isModuleLoadError(error)) {
      window.location.reload();
      return;
    }
    // Failed queries are fetched again when the page renders. Navigating to where we are
    // reruns the route's loaders and clears the router's error: a revalidation alone does
    // not clear an error thrown while rendering. The Retry button is gone afterwards, so
    // focus goes back to the start of the content.
    reset();
    await navigate(location, { replace: true, state: location.state as unknown });
    document.getElementById('content')?.focus();
  };

  return <ErrorFallback message={errorMessage(error)} onRetry={() => void retry()} />;
}
