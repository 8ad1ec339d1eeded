import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { sessionQueryOptions } from '@/lib/api/session';
import { BirdConnectForm } from './components/bird-connect-form';
import { ChannelTable } from './components/channel-table';
import { ConnectionDetails } from './components/connection-details';
import { SandboxOption } from './components/sandbox-option';
import { afterConnectPath, safeNextPath } from './utils/safe-next';
import './connect-page.css';

/**
 * `/connect`: where the app opens without a session. Two ways in (the sandbox, or Bird with
 * an access key and a workspace id); once connected, what Perch is connected to, the
 * channels found, and Disconnect.
 */
export function ConnectPage() {
  const session = useQuery(sessionQueryOptions());
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const next = safeNextPath(searchParams.get('next'));

  const goOn = () => {
    setNotice(null);
    void navigate(afterConnectPath(next), { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Connect"
        description="Connect Perch to its built-in sandbox, or to a Bird workspace with an access key."
      />
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {session.data === undefined ? (
        session.isError ? (
          <div className="connect-alert" role="alert">
            <p>The connection could not be checked: {session.error.message}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                void session.refetch();
              }}
            >
              Try again
            </button>
          </div>
        ) : (
          <p role="status">Checking the connection…</p>
        )
      ) : session.data.connected ? (
        <div className="connect-stack">
          <ConnectionDetails
            session={session.data}
            next={next}
            onDisconnected={() => {
              setNotice('Disconnected. The server has forgotten the access key.');
            }}
          />
          <ChannelTable workspaceId={session.data.workspaceId} />
        </div>
      ) : (
        <>
          {next === null ? null : (
            <p className="connect-next">
              Connect to go on to <code>{next}</code>.
            </p>
          )}
          <div className="connect-options">
            <SandboxOption onConnected={goOn} />
            <BirdConnectForm onConnected={goOn} />
          </div>
        </>
      )}
    </>
  );
}
