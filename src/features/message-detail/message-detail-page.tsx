import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorFallback } from '@/components/error-fallback';
import { PageHeader } from '@/components/page-header';
import { channelQueryOptions } from '@/lib/api/channels';
import { ApiError } from '@/lib/api/errors';
import { sessionQueryOptions } from '@/lib/api/session';
import { uuidSchema } from '@/lib/bird/common';
import { composePrefillPath, prefillModeFor } from '@/lib/compose-prefill';
import { FailureExplanation } from './components/failure-explanation';
import { InteractionsTable } from './components/interactions-table';
import { MessageContent } from './components/message-body-view';
import { MessageFacts } from './components/message-facts';
import { MessageTimeline } from './components/message-timeline';
import { RawJson } from './components/raw-json';
import { useAllInteractions, useLiveMessage } from './hooks/use-message-detail';
import './message-detail.css';

interface MessageDetailPageProps {
  channelId: string;
  messageId: string;
}

/** `/messages/:channelId/:messageId`: everything about one message. */
export function MessageDetailPage({ channelId, messageId }: MessageDetailPageProps) {
  const session = useQuery(sessionQueryOptions());
  // The session guard shows this page only when connected.
  if (session.data?.connected !== true) return null;
  const valid = uuidSchema.safeParse(channelId).success && uuidSchema.safeParse(messageId).success;
  if (!valid) return <MessageNotFound channelId={channelId} messageId={messageId} />;
  return (
    <MessageDetail
      key={`${channelId}/${messageId}`}
      workspaceId={session.data.workspaceId}
      mediaBases={session.data.mediaBases}
      channelId={channelId}
      messageId={messageId}
    />
  );
}

function MessageNotFound({ channelId, messageId }: MessageDetailPageProps) {
  return (
    <div className="md-page">
      <PageHeader
        title="Message not found"
        description={
          <>
            There is no message <code>{messageId}</code> on channel <code>{channelId}</code> in this
            workspace. It may belong to another workspace, or the link may be incomplete.
          </>
        }
      />
      <Link className="button button-primary" to="/messages">
        Back to messages
      </Link>
    </div>
  );
}

function MessageDetail({
  workspaceId,
  mediaBases,
  channelId,
  messageId,
}: MessageDetailPageProps & { workspaceId: string; mediaBases: readonly string[] }) {
  const { query, observed, live, refreshInterval } = useLiveMessage(
    workspaceId,
    channelId,
    messageId,
  );
  const channel = useQuery(channelQueryOptions(workspaceId, channelId));
  const interactions = useAllInteractions(workspaceId, channelId, messageId, {
    refreshInterval,
    enabled: query.data !== undefined,
  });

  if (query.data === undefined) {
    if (query.isError) {
      if (query.error instanceof ApiError && query.error.status === 404) {
        return <MessageNotFound channelId={channelId} messageId={messageId} />;
      }
      return (
        <ErrorFallback
          message={`The message could not be loaded: ${query.error.message}`}
          onRetry={() => {
            void query.refetch();
          }}
        />
      );
    }
    return (
      <div className="md-page">
        <PageHeader title="Message" description="Loading the message…" />
        <p className="visually-hidden" role="status">
          Loading the message…
        </p>
      </div>
    );
  }

  const message = query.data;
  return (
    <div className="md-page">
      <PageHeader
        title={message.direction === 'outgoing' ? 'Outgoing message' : 'Incoming message'}
        description={
          <>
            Message <code>{message.id}</code>: its content, what happened to it and what its
            recipient did with it.
          </>
        }
      />
      <p className="md-back">
        <Link to="/messages">Back to messages</Link>
        <Link
          className="button"
          to={composePrefillPath({
            mode: prefillModeFor(message),
            channelId: message.channelId,
            messageId: message.id,
          })}
        >
          {prefillModeFor(message) === 'reply' ? 'Reply' : 'Duplicate in composer'}
        </Link>
      </p>
      {query.isRefetchError ? (
        <p className="md-note md-note-error" role="alert">
          Refreshing failed ({query.error.message}); showing the last answer.
        </p>
      ) : null}
      <section className="md-section" aria-labelledby="md-facts-title">
        <h2 id="md-facts-title" className="visually-hidden">
          About this message
        </h2>
        <MessageFacts message={message} channel={channel.data} />
      </section>
      <FailureExplanation message={message} />
      <section className="md-section" aria-labelledby="md-content-title">
        <h2 id="md-content-title">Content</h2>
        <MessageContent message={message} mediaBases={mediaBases} />
      </section>
      <MessageTimeline
        message={message}
        observed={observed}
        interactions={interactions.interactions}
        live={live}
      />
      <InteractionsTable
        interactions={interactions.interactions}
        loading={interactions.query.isPending}
        error={interactions.query.isError ? interactions.query.error.message : undefined}
        refreshing={interactions.query.isFetching}
        onRefresh={() => {
          void interactions.query.refetch();
        }}
      />
      <RawJson message={message} />
    </div>
  );
}
