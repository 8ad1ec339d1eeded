import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { sessionQueryOptions } from '@/lib/api/session';
import type { SessionInfo } from '@/lib/perch/session';

function label(session: SessionInfo | undefined, failed: boolean): string {
  if (session === undefined) return failed ? 'Connection unknown' : 'Checking connection…';
  if (!session.connected) return 'Not connected';
  if (session.mode === 'sandbox') return `Sandbox · key …${session.keyHint}`;
  return `Bird · workspace …${session.workspaceId.slice(-4)} · key …${session.keyHint}`;
}

/** The connection in the top bar, on every page, as a link to the Connect page. */
export function ConnectionIndicator() {
  // Mounted once with the layout, beside the session guard, which keeps the answer current.
  const session = useQuery({ ...sessionQueryOptions(), refetchOnMount: false });
  const connected = session.data?.connected === true;
  return (
    <NavLink to="/connect" className="connection-indicator">
      <span
        className="connection-indicator-dot"
        aria-hidden="true"
        style={connected ? { background: 'var(--color-accent)' } : undefined}
      />
      {label(session.data, session.isError)}
    </NavLink>
  );
}
