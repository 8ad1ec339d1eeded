import { use } from 'react';
import { Link } from 'react-router';
import { Masked } from '@/components/masked';
import { PlatformIcon, platformName } from '@/components/platform-icon';
import type { Message } from '@/lib/bird/message';
import { messagePagePath } from '@/lib/message-list-link';
import { contentPreview } from '../utils/message-fields';
import { useChannel } from './channels-context';
import { ListLinkContext } from './list-link-context';

/*
 * What the list's cells hold. A scroll renders a few rows a frame, so each cell is kept to
 * the few elements it needs: its text sits in the cell itself (which cuts it short with an
 * ellipsis, see messages-page.css), and small glyphs are drawn by the style sheet, not SVG.
 */

export function ChannelCell({ channelId }: { channelId: string }) {
  const channel = useChannel(channelId);
  if (channel === undefined) return channelId.slice(0, 8);
  return (
    <span
      className="messages-channel"
      title={`${channel.name} · ${platformName(channel.platformId)}`}
    >
      <PlatformIcon platformId={channel.platformId} />
      {channel.name}
    </span>
  );
}

/** The words, with an arrow drawn before them (messages-page.css). */
export function DirectionCell({ direction }: { direction: Message['direction'] }) {
  return (
    <span className={`messages-direction messages-direction-${direction}`}>
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
  return isContact ? <Masked kind="identifier" value={text} /> : text;
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
  return tags.map((tag) => (
    <span key={tag} className="messages-tag">
      {tag}
    </span>
  ));
}
