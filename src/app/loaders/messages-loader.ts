import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { channelListQueryOptions } from '@/lib/api/channels';
import { messageListOptions } from '@/lib/api/message-list';
import { sessionQueryOptions } from '@/lib/api/session';
import { parseMessageFilters, toMessageListFilters } from '@/lib/message-filters-url';

/** A failed prefetch is the page's to show: its query holds the error. */
const ignore = () => undefined;

/**
 * What the Messages page reads first: the session (from the cache, or the request
 * `startInitialLoad` started), then, only when connected, the first page of the list the
 * address asks for (first: it is what the page paints) and the channels, with the query
 * options the page uses, so that the page finds them in the cache or in flight.
 * Never rejects. Resolves to the list's query key when it asked for the list.
 */
export async function prefetchMessagesPage(
  queryClient: QueryClient,
  url: URL,
): Promise<QueryKey | undefined> {
  const session = await queryClient
    .query({ ...sessionQueryOptions(), staleTime: 'static' })
    .catch(ignore);
  if (session?.connected !== true) return undefined;
  const { workspaceId } = session;
  const { filters } = parseMessageFilters(url.searchParams);
  // A preset range ("last hour") is anchored when the page renders: its key would differ.
  const listOptions =
    filters.range?.kind === 'preset'
      ? undefined
      : messageListOptions(workspaceId, filters.channelId, toMessageListFilters(filters, 0));
  const list = listOptions && queryClient.infiniteQuery(listOptions).catch(ignore);
  const channels = queryClient.query(channelListQueryOptions(workspaceId)).catch(ignore);
  await Promise.all([list, channels]);
  return listOptions?.queryKey;
}
