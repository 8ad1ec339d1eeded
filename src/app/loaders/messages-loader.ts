import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { channelListQueryOptions } from '@/lib/api/channels';
import { messageListOptions } from '@/lib/api/message-list';
import { sessionQueryOptions } from '@/lib/api/session';
import { parseMessageFilters, toMessageListFilters } from '@/lib/message-filters-url';

/** A failed prefetch is the page's to show: its query holds the error. */
const ignore = () => undefined;

/**
 * Starts what the Messages page reads first, while the page's code is still loading: the
 * session (from the cache when the app already knows it), then, only when connected, the
 * first page of the list and the channels, with the same query options the page uses, so
 * the page finds them in the cache or in flight instead of asking after it renders.
 *
 * It never waits for the list and never fails: the page and the session guard show what
 * the queries end up with (a 401 marks the session lost, see query-client.ts).
 */
export async function prefetchMessagesPage(queryClient: QueryClient, url: URL): Promise<void> {
  const session = await queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' });
  if (!session.connected) return;
  const { workspaceId } = session;
  const { filters } = parseMessageFilters(url.searchParams);
  // A preset range ("last hour") is anchored when the page renders: its key would differ.
  const list =
    filters.range?.kind === 'preset'
      ? undefined
      : queryClient
          .infiniteQuery(
            messageListOptions(workspaceId, filters.channelId, toMessageListFilters(filters, 0)),
          )
          .catch(ignore);
  const channels = queryClient.query(channelListQueryOptions(workspaceId)).catch(ignore);
  await Promise.all([list, channels]);
}

/** The Messages route's loader: returns at once, the requests carry on in the background. */
export function messagesLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs): null => {
    prefetchMessagesPage(queryClient, new URL(request.url)).catch(() => {
      // The session could not be read: the session guard asks again and shows the error.
    });
    return null;
  };
}
