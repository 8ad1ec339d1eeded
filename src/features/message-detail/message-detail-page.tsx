import { PageHeader } from '@/components/page-header';

interface MessageDetailPageProps {
  channelId: string;
  messageId: string;
}

export function MessageDetailPage({ channelId, messageId }: MessageDetailPageProps) {
  return (
    <PageHeader
      title="Message"
      description={
        <>
          Message <code>{messageId}</code> on channel <code>{channelId}</code>: its content,
          delivery status and interactions will be shown here.
        </>
      }
    />
  );
}
