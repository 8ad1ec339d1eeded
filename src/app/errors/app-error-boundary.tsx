import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from '@/components/error-fallback';
import { errorMessage } from './error-message';

interface AppErrorBoundaryProps {
  children: ReactNode;
}

interface AppErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

/**
 * The last line: catches what the page boundary (RouteErrorBoundary) cannot (a failure in the
 * providers or the router itself), so the app never goes blank. Retry renders it again.
 */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): AppErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Perch failed to render', error, info.componentStack);
  }

  private readonly retry = () => {
    this.setState({ error: undefined, failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main id="content" className="app-main">
        <ErrorFallback message={errorMessage(this.state.error)} onRetry={this.retry} />
      </main>
    );
  }
}
