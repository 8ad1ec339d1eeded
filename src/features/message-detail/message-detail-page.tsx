import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorFallback } from '@/components/error-fallback';
import { PageHeader } from '@/components/page-header';
import { channelQueryOptions } from '@/lib/api/channels';
import { ApiError } from '@/lib/api/errors';
import { sessionQueryOptions } from '@/lib/api/session';
import { uuidSchema } from '@/lib/bird/common';
import { composePrefillPath, prefillModeFor } from '@/lib/compose-prefill';
import { MESSAGES_PATH, readListContext, type MessageListContext } from '@/lib/message-list-link';
import { FailureExplanation } from './components/failure-explanation';
import { InteractionsTable } from './components/interactions-table';
import { ListStepper } from './components/list-stepper';
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

/** Milliseconds now, read once when the page opens (a list preset without its anchor). */
const readClock = () => Date.now();

/**
 * `/messages/:channelId/:messageId`: everything about one message. Opened from the Messages
 * list, its address carries that list (`?list=…`, see lib/message-list-link), and the page
 * steps through it; the stepper stays mounted from one message to the next, so its position
 * is announced as it changes.
 */
export function MessageDetailPage({ channelId, messageId }: MessageDetailPageProps) {
  const session = useQuery(sessionQueryOptions());
  const [searchParams] = useSearchParams();
  const [openedAt] = useState(readClock);
  const list = useMemo(() => readListContext(searchParams, openedAt), [searchParams, openedAt]);
  // The session guard shows this page only when connected.
  if (session.data?.connected !== true) return null;
  const valid = uuidSchema.safeParse(channelId).success && uuidSchema.safeParse(messageId).success;
  return (
    <>
      {list === undefined ? null : (
        <ListStepper workspaceId={session.data.workspaceId} list={list} messageId={messageId} />
      )}
      {valid ? (
        <MessageDetail
          key={`${channelId}/${messageId}`}
          workspaceId={session.data.workspaceId}
          mediaBases={session.data.mediaBases}
          channelId={channelId}
          messageId={messageId}
          list={list}
        />
      ) : (
        <MessageNotFound channelId={channelId} messageId={messageId} list={list} />
      )}
    </>
  );
}

/** Without a list the page has its own way back; with one, the stepper has it. */
function BackToMessages({ list }: { list: MessageListContext | undefined }) {
  if (list !== undefined) return null;
  return (
    <>
      <Link to={MESSAGES_PATH}>Back to messages</Link>
      <span className="md-note-inline">Open from the message list to step through it.</span>
    </>
  );
}

function MessageNotFound({
  channelId,
  messageId,
  list,
}: MessageDetailPageProps & { list: MessageListContext | undefined }) {
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
      {/* Opened from a list, the stepper above leads back to it. */}
      {list === undefined ? (
        <Link className="button button-primary" to={MESSAGES_PATH}>
          Back to messages
        </Link>
      ) : null}
    </div>
  );
}

function MessageDetail({
  workspaceId,
  mediaBases,
  channelId,
  messageId,
  list,
}: MessageDetailPageProps & {
  workspaceId: string;
  mediaBases: readonly string[];
  list: MessageListContext | undefined;
}) {
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
        return <MessageNotFound channelId={channelId} messageId={messageId} list={list} />;
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
        <BackToMessages list={list} />
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
