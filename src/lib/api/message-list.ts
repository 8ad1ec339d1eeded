import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import { nextPageTokenOf } from '@/lib/bird/common';
import type { Message, MessageList } from '@/lib/bird/message';
import type { MessageListFilters } from '@/lib/bird/message-list-query';
import { messageKeys } from './bird-keys';
import { fetchChannelMessages, fetchWorkspaceMessages } from './messages';

/**
 * How long a loaded list stays fresh: coming back from a message shows the list at once,
 * and the message page reads the same cached pages to step through them.
 */
export const MESSAGE_LIST_STALE_MS = 60_000;

/**
 * The list in its scope: one channel (E5) or the workspace (E6). The same keys and fetchers
 * as `workspaceMessagesInfiniteOptions` / `channelMessagesInfiniteOptions`, in one options
 * object so that a page can switch scope without switching hooks. The Messages page and the
 * message page's previous / next share it, so both see one cache entry.
 */
export function messageListOptions(
  workspaceId: string,
  channelId: string | undefined,
  filters: MessageListFilters,
) {
  return infiniteQueryOptions({
    queryKey:
      channelId === undefined
        ? messageKeys.workspaceList(workspaceId, filters)
        : messageKeys.channelList(workspaceId, channelId, filters),
    queryFn: ({ pageParam, signal }) =>
      channelId === undefined
        ? fetchWorkspaceMessages(workspaceId, filters, { pageToken: pageParam }, signal)
        : fetchChannelMessages(workspaceId, channelId, filters, { pageToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => nextPageTokenOf(lastPage),
    staleTime: MESSAGE_LIST_STALE_MS,
  });
}

const NO_MESSAGES: Message[] = [];

/**
 * The rows of a list's loaded pages, in order. The cursor is keyset, so pages never
 * overlap; dropping repeats costs little and keeps rows unique whatever an upstream does.
 */
export function messageListRows(
  data: Pick<InfiniteData<MessageList>, 'pages'> | undefined,
): Message[] {
  if (data === undefined) return NO_MESSAGES;
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const page of data.pages) {
    for (const message of page.results) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      out.push(message);
    }
  }
  return out;
}
