import { Link } from 'react-router';
import { Masked } from '@/components/masked';
import { PlatformIcon, platformName } from '@/components/platform-icon';
import { StatusBadge } from '@/components/status-badge';
import { Timestamp } from '@/components/timestamp';
import type { Channel } from '@/lib/bird/channel';
import type { Message } from '@/lib/bird/message';
import { CopyButton } from './copy-button';

function listPath(param: 'tag' | 'batchId', value: string): string {
  return `/messages?${new URLSearchParams({ [param]: value }).toString()}`;
}

function Party({ label, value }: { label: string; value: string }) {
  return (
    <span className="md-party">
      <Masked value={value} kind="identifier" />
      <span className="md-party-kind"> ({label})</span>
    </span>
  );
}

/** Everything the API says about the message, apart from its content and history. */
export function MessageFacts({
  message,
  channel,
}: {
  message: Message;
  channel: Channel | undefined;
}) {
  const sender =
    message.direction === 'outgoing' ? (
      <Party
        label={message.sender.connector.annotations?.name ?? 'this channel'}
        value={message.sender.connector.identifierValue}
      />
    ) : (
      <Party
        label={message.sender.contact.identifierKey}
        value={message.sender.contact.identifierValue}
      />
    );
  const receivers =
    message.direction === 'outgoing'
      ? message.receiver.contacts.map((contact, index) => (
          <li key={`${contact.id}-${String(index)}`}>
            <Party
              label={[contact.identifierKey, contact.type].filter(Boolean).join(', ')}
              value={contact.identifierValue}
            />
          </li>
        ))
      : [
          <li key="connector">
            <Party label="this channel" value={message.receiver.connector.identifierValue} />
          </li>,
        ];

  return (
    <dl className="md-facts md-header-facts">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={message.status} />
      </dd>
      <dt>Direction</dt>
      <dd>{message.direction === 'outgoing' ? 'Outgoing' : 'Incoming'}</dd>
      <dt>Channel</dt>
      <dd>
        {channel === undefined ? (
          <code>{message.channelId}</code>
        ) : (
          <span className="md-channel">
            <PlatformIcon platformId={channel.platformId} decorative />
            {channel.name} · {platformName(channel.platformId)}
          </span>
        )}
      </dd>
      <dt>Created</dt>
      <dd>
        <Timestamp value={message.createdAt} display="absolute" />
      </dd>
      <dt>Last status</dt>
      <dd>
        <Timestamp value={message.lastStatusAt} display="absolute" />
      </dd>
      <dt>Updated</dt>
      <dd>
        <Timestamp value={message.updatedAt} display="absolute" />
      </dd>
      {message.scheduledFor === undefined ? null : (
        <>
          <dt>Scheduled for</dt>
          <dd>
            <Timestamp value={message.scheduledFor} display="absolute" />
          </dd>
        </>
      )}
      <dt>From</dt>
      <dd>{sender}</dd>
      <dt>To</dt>
      <dd>
        <ul className="md-inline-list">{receivers}</ul>
      </dd>
      <dt>Reference</dt>
      <dd>{message.reference === '' ? <em>none</em> : <code>{message.reference}</code>}</dd>
      <dt>Tags</dt>
      <dd>
        {message.tags.length === 0 ? (
          <em>none</em>
        ) : (
          <ul className="md-inline-list">
            {message.tags.map((tag) => (
              <li key={tag}>
                <Link className="md-tag" to={listPath('tag', tag)}>
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </dd>
      {message.batchId === undefined ? null : (
        <>
          <dt>Batch</dt>
          <dd>
            <Link to={listPath('batchId', message.batchId)}>
              <code>{message.batchId}</code>
            </Link>{' '}
            <CopyButton value={message.batchId} label="Copy batch id" />
          </dd>
        </>
      )}
      {message.replyTo === undefined ? null : (
        <>
          <dt>In reply to</dt>
          <dd>
            <Link to={`/messages/${message.channelId}/${message.replyTo.id}`}>
              <code>{message.replyTo.id}</code>
            </Link>
          </dd>
        </>
      )}
      <dt>Parts</dt>
      <dd>
        {message.parts === undefined || message.parts.length === 0 ? (
          <em>none reported</em>
        ) : (
          <ol className="md-inline-list">
            {message.parts.map((part, index) => (
              <li key={`${part.platformReference}-${String(index)}`}>
                <code>{part.platformReference}</code>
              </li>
            ))}
          </ol>
        )}
      </dd>
      <dt>Message id</dt>
      <dd>
        <code>{message.id}</code> <CopyButton value={message.id} label="Copy message id" />
      </dd>
      <dt>Channel id</dt>
      <dd>
        <code>{message.channelId}</code>{' '}
        <CopyButton value={message.channelId} label="Copy channel id" />
      </dd>
    </dl>
  );
}
