import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ReactNode } from 'react';
import { ErrorFallback } from '@/components/error-fallback';
import { errorMessage, isModuleLoadError } from './error-message';

interface RouteErrorBoundaryProps {
  /** The page shown: moving to another page clears the error. */
  resetKey: string;
  children: ReactNode;
}

/**
 * A page that threw (while loading its code or rendering) shows why, with Retry, inside
 * the app layout: the top bar keeps working.
 */
export function RouteErrorBoundary({ resetKey, children }: RouteErrorBoundaryProps) {
  const { reset } = useQueryErrorResetBoundary();
  return (
    <PageErrorBoundary resetKey={resetKey} resetQueries={reset}>
      {children}
    </PageErrorBoundary>
  );
}

interface PageErrorBoundaryProps extends RouteErrorBoundaryProps {
  resetQueries: () => void;
}

interface PageErrorBoundaryState {
  failed: { error: unknown; key: string } | undefined;
}

class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { failed: undefined };

  static getDerivedStateFromError(error: unknown): Partial<PageErrorBoundaryState> {
    return { failed: { error, key: '' } };
  }

  static getDerivedStateFromProps(
    props: PageErrorBoundaryProps,
    state: PageErrorBoundaryState,
  ): Partial<PageErrorBoundaryState> | null {
    if (state.failed === undefined) return null;
    // The error was just caught: note on which page. Another page: start afresh.
    if (state.failed.key === '') return { failed: { ...state.failed, key: props.resetKey } };
    return state.failed.key === props.resetKey ? null : { failed: undefined };
  }

  private readonly retry = () => {
    const error = this.state.failed?.error;
    // The browser remembers a failed module: only a reload fetches it again.
    if (isModuleLoadError(error)) {
      window.location.reload();
      return;
    }
    // Failed queries are fetched again when the page renders. The Retry button is gone
    // afterwards, so focus goes back to the start of the content.
    this.props.resetQueries();
    this.setState({ failed: undefined }, () => {
      document.getElementById('content')?.focus();
    });
  };

  override render() {
    const { failed } = this.state;
    if (failed === undefined) return this.props.children;
    return <ErrorFallback message={errorMessage(failed.error)} onRetry={this.retry} />;
  }
}
