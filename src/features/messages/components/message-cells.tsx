import type { ReactNode } from 'react';
import { masked } from '@/components/masked';
import { PlatformIcon, platformName } from '@/components/platform-icon';
import { StatusBadge } from '@/components/status-badge';
import { TimestampButton } from '@/components/timestamp';
import type { Message } from '@/lib/bird/message';
import { messagePagePath } from '@/lib/message-list-link';
import type { RowView } from '../hooks/use-row-view';
import { contentPreview, recipientsOf, senderOf } from '../utils/message-fields';
import type { MessageColumnId } from './message-columns';

/**
 * What a cell of the list shows. A scroll renders a few rows a frame, so a cell is kept to
 * the few elements it needs: its text sits in the cell itself (which cuts it short with an
 * ellipsis, see messages-page.css), small glyphs are drawn by the style sheet, and this is
 * a function the row calls, not a component per cell.
 */
export function messageCell(column: MessageColumnId, message: Message, view: RowView): ReactNode {
  switch (column) {
    case 'createdAt':
      return (
        <TimestampButton
          value={message.createdAt}
          display="absolute"
          timeZone={view.timeZone}
          now={view.now}
        />
      );
    case 'direction':
      // The arrow before the word is drawn from the row's data-direction.
      return message.direction === 'outgoing' ? 'Outgoing' : 'Incoming';
    case 'channel':
      return channelCell(message.channelId, view);
    case 'from':
      return party(senderOf(message), message.direction === 'incoming', view);
    case 'to':
      return party(recipientsOf(message).join(', '), message.direction === 'outgoing', view);
    case 'content':
      return contentCell(message, view);
    case 'status':
      return (
        <>
          <StatusBadge status={message.status} />
          <TimestampButton value={message.lastStatusAt} timeZone={view.timeZone} now={view.now} />
        </>
      );
    case 'tags':
      return message.tags.map((tag) => (
        <span key={tag} className="messages-tag">
          {tag}
        </span>
      ));
    case 'reference':
      return message.reference;
  }
}

function channelCell(channelId: string, view: RowView): ReactNode {
  const channel = view.channels.get(channelId);
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

/** A party of the message; contacts (not our own channel) are masked in privacy mode. */
function party(text: string, isContact: boolean, view: RowView): ReactNode {
  return isContact ? masked(text, 'identifier', view.privacy) : text;
}

/**
 * The content preview, and the row's link: stretched over the whole row, so a click
 * anywhere opens the message and a middle-click opens it in a new tab. The link carries the
 * list, so the message page can step to the previous and next row. A plain link: the list
 * opens it in the app (use-row-link-clicks.ts), which spares each row React Router's Link.
 */
function contentCell(message: Message, view: RowView): ReactNode {
  const preview = contentPreview(message);
  return (
    <a
      href={messagePagePath(message, view.list)}
      className={`messages-row-link messages-preview-${preview.kind}`}
    >
      {preview.text === '' ? (
        <span className="messages-muted">(no content)</span>
      ) : preview.kind === 'media' ? (
        preview.text
      ) : (
        masked(preview.text, 'content', view.privacy)
      )}
    </a>
  );
}
