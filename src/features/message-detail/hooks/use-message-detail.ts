import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { interactionsInfiniteOptions } from '@/lib/api/interactions';
import { messageQueryOptions } from '@/lib/api/messages';
import { isFinalStatus, type Message } from '@/lib/bird/message';
import { liveRefreshInterval } from '../utils/live-refresh';
import type { ObservedStatuses } from '../utils/timeline';

function isLive(message: Message | undefined): boolean {
  return message !== undefined && !isFinalStatus(message.status);
}

/**
 * The message, refreshed on its own while it is not in a final state (and no longer once
 * it is), with every status this page saw it in.
 */
export function useLiveMessage(workspaceId: string, channelId: string, messageId: string) {
  const options = messageQueryOptions(workspaceId, channelId, messageId);
  const query = useQuery({
    ...options,
    refetchInterval: (q) => liveRefreshInterval(q.state.data, q.state.dataUpdateCount),
  });
  const answers = useQueryClient().getQueryState(options.queryKey)?.dataUpdateCount ?? 0;
  const [observed, setObserved] = useState<{ id: string; statuses: ObservedStatuses }>({
    id: messageId,
    statuses: {},
  });
  const message = query.data;
  // Remember each status with the time it was reported, as the page sees it change. This is
  // state from earlier renders, updated during render (React's documented pattern).
  if (message !== undefined) {
    const current = observed.id === message.id ? observed.statuses : {};
    if (current[message.status] !== message.lastStatusAt) {
      setObserved({
        id: message.id,
        statuses: { ...current, [message.status]: message.lastStatusAt },
      });
    }
  }
  return {
    query,
    observed: observed.id === messageId ? observed.statuses : {},
    live: isLive(message),
    refreshInterval: liveRefreshInterval(message, answers),
  };
}

/**
 * Every interaction of the message (asked for once the message itself is there): the next
 * page is fetched as soon as one says there is one. Refreshed with the message, as often,
 * while it is live.
 */
export function useAllInteractions(
  workspaceId: string,
  channelId: string,
  messageId: string,
  { refreshInterval, enabled }: { refreshInterval: number | false; enabled: boolean },
) {
  const query = useInfiniteQuery({
    ...interactionsInfiniteOptions(workspaceId, channelId, messageId),
    enabled,
    refetchInterval: refreshInterval,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const interactions = query.data?.pages.flatMap((page) => page.results) ?? [];
  return { query, interactions };
}
