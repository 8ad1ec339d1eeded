import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { messageKeys } from '@/lib/api/bird-keys';
import { fetchChannelMessages, fetchWorkspaceMessages } from '@/lib/api/messages';
import { nextPageTokenOf } from '@/lib/bird/common';
import type { Message } from '@/lib/bird/message';
import type { MessageListFilters } from '@/lib/bird/message-list-query';

/** Rows stay fresh for a minute: coming back from a message shows the list at once. */
const LIST_STALE_MS = 60_000;

/**
 * The list in its scope: one channel (E5) or the workspace (E6). The same keys and fetchers
 * as `workspaceMessagesInfiniteOptions` / `channelMessagesInfiniteOptions`, in one options
 * object so that the page can switch scope without switching hooks.
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
  });
}

const NO_MESSAGES: Message[] = [];

/**
 * The matching messages, 50 a page over the server's cursor. While new filters load, the
 * previous rows stay (marked as placeholder) instead of flashing empty.
 */
export function useMessageList(
  workspaceId: string,
  channelId: string | undefined,
  filters: MessageListFilters,
) {
  const query = useInfiniteQuery({
    ...messageListOptions(workspaceId, channelId, filters),
    placeholderData: keepPreviousData,
    staleTime: LIST_STALE_MS,
    refetchOnWindowFocus: false,
  });
  const pages = query.data?.pages;
  const rows = useMemo(() => {
    if (pages === undefined) return NO_MESSAGES;
    // The cursor is keyset, so pages never overlap; the check costs little and keeps
    // React keys unique whatever an upstream does.
    const seen = new Set<string>();
    const out: Message[] = [];
    for (const page of pages) {
      for (const message of page.results) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        out.push(message);
      }
    }
    return out;
  }, [pages]);
  return { query, rows };
}
