import { MessagesPage } from '@/features/messages/messages-page';

export function Component() {
  return <MessagesPage />;
}
