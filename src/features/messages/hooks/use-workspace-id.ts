import { useQuery } from '@tanstack/react-query';
import { sessionQueryOptions } from '@/lib/api/session';

/**
 * The connected workspace. The session guard renders pages only once connected, so this is
 * known by the time the page shows; `undefined` covers the moment a session is lost.
 */
export function useWorkspaceId(): string | undefined {
  const { data } = useQuery({
    ...sessionQueryOptions(),
    // The session guard keeps the answer current; reading it must not ask again.
    refetchOnMount: false,
    select: (session) => (session.connected ? session.workspaceId : undefined),
  });
  return data;
}
