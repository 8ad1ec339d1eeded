import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { messageListOptions, messageListRows } from '@/lib/api/message-list';
import type { MessageListFilters } from '@/lib/bird/message-list-query';

/** A list of up to this many pages (250 rows) is asked again when the window regains focus. */
export const MAX_PAGES_REFETCHED_ON_FOCUS = 5;

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
    // Back in the window, a stale list is asked again, as every list is (query-client.ts);
    // but not one scrolled deep: refetching asks for every loaded page in turn, and
    // hundreds of them would spend the operator's Bird rate limit. Live keeps those current.
    refetchOnWindowFocus: (query) =>
      (query.state.data?.pages.length ?? 0) <= MAX_PAGES_REFETCHED_ON_FOCUS,
  });
  const data = query.data;
  const rows = useMemo(() => messageListRows(data), [data]);
  return { query, rows };
}
