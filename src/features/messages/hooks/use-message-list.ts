import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { messageListOptions, messageListRows } from '@/lib/api/message-list';
import type { MessageListFilters } from '@/lib/bird/message-list-query';

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
    refetchOnWindowFocus: false,
  });
  const data = query.data;
  const rows = useMemo(() => messageListRows(data), [data]);
  return { query, rows };
}
