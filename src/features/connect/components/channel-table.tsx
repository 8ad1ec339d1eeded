import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { CHANNEL_LIST_LIMIT, channelListQueryOptions } from '@/lib/api/channels';
import { platformName } from '@/components/platform-name';

/** The channels the connection found: name, platform, identifier, status. */
export function ChannelTable({ workspaceId }: { workspaceId: string }) {
  const headingId = useId();
  const channels = useQuery(channelListQueryOptions(workspaceId));

  return (
    <section className="connect-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="connect-card-title">
        Channels
      </h2>
      {channels.isPending ? (
        <p role="status">Loading the channels…</p>
      ) : channels.isError ? (
        <div className="connect-alert" role="alert">
          <p>The channels could not be loaded: {channels.error.message}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              void channels.refetch();
            }}
          >
            Try again
          </button>
        </div>
      ) : channels.data.results.length === 0 ? (
        <p>This workspace has no channels yet. Add one in Bird, then come back.</p>
      ) : (
        <>
          <div className="connect-table-wrap">
            <table className="connect-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Platform</th>
                  <th scope="col">Identifier</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {channels.data.results.map((channel) => (
                  <tr key={channel.id}>
                    <th scope="row">{channel.name}</th>
                    <td>
                      {platformName(channel.platformId)}{' '}
                      <span className="connect-muted">({channel.platformId})</span>
                    </td>
                    <td>
                      <code>{channel.identifier}</code>
                    </td>
                    <td>
                      <span className="channel-status" data-status={channel.status}>
                        {channel.status}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {channels.data.nextPageToken ? (
            <p className="connect-muted">Showing the first {CHANNEL_LIST_LIMIT} channels.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
