import { useParams } from 'react-router';
import { MessageDetailPage } from '@/features/message-detail/message-detail-page';

export function Component() {
  const { channelId, messageId } = useParams<'channelId' | 'messageId'>();
  if (channelId === undefined || messageId === undefined) {
    throw new Error('This route needs a channel id and a message id.');
  }
  return <MessageDetailPage channelId={channelId} messageId={messageId} />;
}
