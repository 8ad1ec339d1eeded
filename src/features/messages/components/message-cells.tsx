import { use } from 'react';
import { Link } from 'react-router';
import { Masked } from '@/components/masked';
import { PlatformIcon, platformName } from '@/components/platform-icon';
import type { Message } from '@/lib/bird/message';
import { messagePagePath } from '@/lib/message-list-link';
import { contentPreview } from '../utils/message-fields';
import { useChannel } from './channels-context';
import { ListLinkContext } from './list-link-context';

export function ChannelCell({ channelId }: { channelId: string }) {
  const channel = useChannel(channelId);
  if (channel === undefined) {
    return <span className="messages-mono">{channelId.slice(0, 8)}</span>;
  }
  return (
    <span
      className="messages-channel"
      title={`${channel.name} · ${platformName(channel.platformId)}`}
    >
      <PlatformIcon platformId={channel.platformId} />
      <span className="messages-ellipsis">{channel.name}</span>
    </span>
  );
}

export function DirectionCell({ direction }: { direction: Message['direction'] }) {
  return (
    <span className={`messages-direction messages-direction-${direction}`}>
      <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
        <path
          d={direction === 'outgoing' ? 'M3 9l6-6M4.5 3H9v4.5' : 'M9 3L3 9M7.5 9H3V4.5'}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {direction === 'outgoing' ? 'Outgoing' : 'Incoming'}
    </span>
  );
}

/** A party of the message; contacts (not our own channel) are masked in privacy mode. */
export function PartyCell({
  values,
  isContact,
}: {
  values: readonly string[];
  isContact: boolean;
}) {
  const text = values.join(', ');
  return (
    <span className="messages-ellipsis">
      {isContact ? <Masked kind="identifier" value={text} /> : text}
    </span>
  );
}

/**
 * The content preview, and the row's link: stretched over the whole row, so a click
 * anywhere opens the message and a middle-click opens it in a new tab. The link carries the
 * list, so the message page can step to the previous and next row.
 */
export function ContentCell({ message }: { message: Message }) {
  const preview = contentPreview(message);
  const list = use(ListLinkContext);
  return (
    <Link
      to={messagePagePath(message, list)}
      className={`messages-row-link messages-preview-${preview.kind}`}
    >
      {preview.text === '' ? (
        <span className="messages-muted">(no content)</span>
      ) : preview.kind === 'media' ? (
        preview.text
      ) : (
        <Masked kind="content" value={preview.text} />
      )}
    </Link>
  );
}

export function TagsCell({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="messages-tags">
      {tags.map((tag) => (
        <span key={tag} className="messages-tag">
          {tag}
        </span>
      ))}
    </span>
  );
}
