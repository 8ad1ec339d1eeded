import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorFallback } from '@/components/error-fallback';
import { connectPathFor } from '@/features/connect/utils/safe-next';
import { sessionQueryOptions } from '@/lib/api/session';

/**
 * Every page but Connect needs a session. Without one (never connected, disconnected, or
 * expired: a 401 from `/api` marks it so, see query-client.ts), the user goes to
 * `/connect?next=<where they were>`, and comes back there after connecting.
 */
export function SessionGuard({ children }: { children: ReactNode }) {
  const { pathname, search, hash } = useLocation();
  // The guard mounts once. An answer already cached is one the route loaders just read
  // (messages-loader.ts): asking again on mount would only repeat it.
  const session = useQuery({ ...sessionQueryOptions(), refetchOnMount: false });

  if (pathname === '/connect') return children;
  // Data first: a failed background re-check keeps the page while the last answer stands.
  if (session.data === undefined) {
    return session.isError ? (
      <ErrorFallback
        message={`The connection could not be checked: ${session.error.message}`}
        onRetry={() => {
          void session.refetch();
        }}
      />
    ) : (
      <p className="visually-hidden" role="status">
        Checking the connection…
      </p>
    );
  }
  if (!session.data.connected) {
    return <Navigate to={connectPathFor(`${pathname}${search}${hash}`)} replace />;
  }
  return children;
}
