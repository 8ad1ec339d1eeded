import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { disconnectMutationOptions } from '@/lib/api/session';
import type { ConnectedSessionInfo } from '@/lib/perch/session';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface ConnectionDetailsProps {
  session: ConnectedSessionInfo;
  /** Where the user was going when they were sent here, if anywhere. */
  next: string | null;
  onDisconnected: () => void;
}

/** What Perch is connected to, and the way out. */
export function ConnectionDetails({ session, next, onDisconnected }: ConnectionDetailsProps) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const disconnect = useMutation(disconnectMutationOptions(queryClient));
  const expiresAt = new Date(session.expiresAt);

  return (
    <section className="connect-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="connect-card-title">
        {session.mode === 'sandbox' ? 'Connected to the sandbox' : 'Connected to Bird'}
      </h2>
      <dl className="connection-facts">
        <div>
          <dt>Mode</dt>
          <dd>{session.mode === 'sandbox' ? 'Sandbox (built in, offline)' : 'Bird'}</dd>
        </div>
        <div>
          <dt>Workspace</dt>
          <dd>
            <code>{session.workspaceId}</code>
          </dd>
        </div>
        <div>
          <dt>Access key</dt>
          <dd>
            ending in <code>…{session.keyHint}</code>
          </dd>
        </div>
        <div>
          <dt>Session</dt>
          <dd>
            ends if unused until{' '}
            <time dateTime={session.expiresAt}>{timeFormat.format(expiresAt)}</time>
          </dd>
        </div>
      </dl>
      <div className="connect-actions">
        {next === null ? null : (
          <Link to={next} className="button button-primary">
            Continue to {next}
          </Link>
        )}
        <button
          type="button"
          className="button"
          disabled={disconnect.isPending}
          onClick={() => {
            disconnect.mutate(undefined, { onSuccess: onDisconnected });
          }}
        >
          {disconnect.isPending ? 'Disconnecting…' : 'Disconnect'}
        </button>
      </div>
      {disconnect.isError ? (
        <p className="connect-alert" role="alert">
          Disconnecting failed: {disconnect.error.message}
        </p>
      ) : null}
    </section>
  );
}
