import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { connectMutationOptions } from '@/lib/api/session';
import { describeConnectError } from '../utils/connect-error';
import { ConnectProblemAlert } from './connect-problem-alert';

/** One click into the built-in sandbox; no key to type, nothing leaves the machine. */
export function SandboxOption({ onConnected }: { onConnected: () => void }) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const connect = useMutation(connectMutationOptions(queryClient));

  return (
    <section className="connect-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="connect-card-title">
        Use the sandbox
      </h2>
      <p>
        Perch&apos;s built-in stand-in for Bird: the same API, with seeded channels and messages and
        test recipients that force each outcome. It works offline; nothing is sent anywhere.
      </p>
      <div className="connect-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={connect.isPending}
          onClick={() => {
            connect.mutate({ mode: 'sandbox' }, { onSuccess: onConnected });
          }}
        >
          {connect.isPending ? 'Connecting…' : 'Use the sandbox'}
        </button>
      </div>
      {connect.isError ? (
        <ConnectProblemAlert problem={describeConnectError(connect.error, 'sandbox')} />
      ) : null}
    </section>
  );
}
