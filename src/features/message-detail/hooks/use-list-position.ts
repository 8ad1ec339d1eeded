import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { messageListOptions, messageListRows } from '@/lib/api/message-list';
import { listRequestOf, type MessageListContext } from '@/lib/message-list-link';
import { findListPosition, wantsNextPage } from '../utils/list-position';

/**
 * The open message's place in the list it was opened from. The list is read through the
 * Messages page's own query options, so coming from the list finds its loaded pages in the
 * cache; the next page is read when the message is the last loaded row, and (for a shared
 * link) while the message has not been found yet, within a limit.
 */
export function useListPosition(workspaceId: string, list: MessageListContext, messageId: string) {
  const { channelId, filters } = useMemo(() => listRequestOf(list), [list]);
  const query = useInfiniteQuery({
    ...messageListOptions(workspaceId, channelId, filters),
    // Step through the list as it was loaded; only a list that is not cached is read here.
    refetchOnMount: false,
    refetchOnWindowFocus: false,
  });
  const { data, hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  const rows = useMemo(() => messageListRows(data), [data]);
  const position = useMemo(
    () => findListPosition(rows, messageId, hasNextPage),
    [rows, messageId, hasNextPage],
  );
  const pagesLoaded = data?.pages.length ?? 0;
  const readOn = wantsNextPage(position, pagesLoaded, hasNextPage);
  useEffect(() => {
    if (readOn && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [readOn, isFetchingNextPage, isError, fetchNextPage]);
  return { query, position, searching: position === undefined && readOn };
}
