import { PageHeader } from './page-header';
import './error-fallback.css';

interface ErrorFallbackProps {
  /** The error's own message, in plain words; never a stack trace. */
  message: string;
  onRetry: () => void;
}

/** What a page shows instead of itself when it failed: the reason and a way to try again. */
export function ErrorFallback({ message, onRetry }: ErrorFallbackProps) {
  return (
    <div className="error-fallback">
      <PageHeader title="Something went wrong" description="This page could not be shown." />
      <p className="error-fallback-message" role="alert">
        {message}
      </p>
      <button type="button" className="button button-primary" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
