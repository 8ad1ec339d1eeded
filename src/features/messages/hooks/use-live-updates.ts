import { useQueries, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import {
  fetchChannelMessages,
  fetchWorkspaceMessages,
  messageQueryOptions,
} from '@/lib/api/messages';
import { messageKeys } from '@/lib/api/bird-keys';
import { isFinalStatus, type Message, type MessageList } from '@/lib/bird/message';
import type { MessageListFilters } from '@/lib/bird/message-list-query';
import { messageListOptions } from '@/lib/api/message-list';

/** How often Live asks for news. Polling stops while the tab is hidden (TanStack's default). */
export const LIVE_INTERVAL_MS = 2_000;
/** At most this many visible, still-moving rows are re-read one by one per tick. */
const MAX_WATCHED_ROWS = 20;

const NO_MESSAGES: Message[] = [];

const dataOf = (results: readonly { data?: Message | undefined }[]) =>
  results.map((result) => result.data);

/** `a` sorts before `b` in newest-first order. */
function isNewer(a: Message, b: Message): boolean {
  return a.createdAt === b.createdAt ? a.id > b.id : a.createdAt > b.createdAt;
}

export interface LiveOptions {
  workspaceId: string;
  channelId: string | undefined;
  filters: MessageListFilters;
  /** The loaded rows, in list order. */
  rows: readonly Message[];
  /** Ids of the rows on screen. */
  visibleIds: readonly string[];
  /** The list has no more pages (oldest-first lists grow at the end). */
  reachedEnd: boolean;
}

/**
 * Live mode, for as long as the component using it is mounted: the newest page is read again
 * every two seconds. Messages that are new and match the filters come back as `pending`
 * until `reveal()` adds them to the list (the page reveals them at once when the reader is
 * at the top, else shows an "N new" pill); and the status of rows on screen is kept current
 * (`latest`), read again while it can still change.
 */
export function useLiveUpdates({
  workspaceId,
  channelId,
  filters,
  rows,
  visibleIds,
  reachedEnd,
}: LiveOptions) {
  const queryClient = useQueryClient();
  const listKey = messageListOptions(workspaceId, channelId, filters).queryKey;
  const oldestFirst = filters.reverse === true;
  const headFilters = useMemo(() => ({ ...filters, reverse: undefined }), [filters]);

  const head = useQuery({
    queryKey: [...messageKeys.lists(workspaceId), 'live-head', channelId ?? null, headFilters],
    queryFn: ({ signal }) =>
      channelId === undefined
        ? fetchWorkspaceMessages(workspaceId, headFilters, {}, signal)
        : fetchChannelMessages(workspaceId, channelId, headFilters, {}, signal),
    refetchInterval: LIVE_INTERVAL_MS,
    staleTime: 0,
  });
  const headRows = head.data?.results ?? NO_MESSAGES;

  const byId = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);
  const watched = useMemo(
    () =>
      visibleIds
        .map((id) => byId.get(id))
        .filter((row): row is Message => row !== undefined && !isFinalStatus(row.status))
        .slice(0, MAX_WATCHED_ROWS),
    [visibleIds, byId],
  );
  const watchedRows = useQueries({
    queries: watched.map((row) => ({
      ...messageQueryOptions(workspaceId, row.channelId, row.id),
      refetchInterval: LIVE_INTERVAL_MS,
      staleTime: 0,
    })),
    combine: dataOf,
  });

  /** The freshest copy of each loaded row that Live has read again. */
  const latest = useMemo(() => {
    const map = new Map<string, Message>();
    const offer = (message: Message | undefined) => {
      if (message === undefined || !byId.has(message.id)) return;
      const known = map.get(message.id) ?? byId.get(message.id);
      if (known === undefined || message.updatedAt >= known.updatedAt) map.set(message.id, message);
    };
    headRows.forEach(offer);
    watchedRows.forEach(offer);
    return map;
  }, [headRows, watchedRows, byId]);

  const pending = useMemo(() => {
    if (headRows.length === 0) return NO_MESSAGES;
    const edge = oldestFirst ? rows.at(-1) : rows[0];
    if (oldestFirst && !reachedEnd) return NO_MESSAGES;
    return headRows.filter(
      (message) => !byId.has(message.id) && (edge === undefined || isNewer(message, edge)),
    );
  }, [headRows, rows, byId, oldestFirst, reachedEnd]);

  /** Adds the pending messages to the list: on top (newest first) or at the end. */
  const reveal = useCallback(() => {
    if (pending.length === 0) return;
    queryClient.setQueryData<InfiniteData<MessageList, string | undefined>>(listKey, (data) => {
      if (data === undefined) {
        return { pages: [{ results: [...pending] }], pageParams: [undefined] };
      }
      const pages = [...data.pages];
      if (oldestFirst) {
        const last = pages.length - 1;
        const page = pages[last];
        if (page !== undefined) {
          pages[last] = { ...page, results: [...page.results, ...[...pending].reverse()] };
        }
      } else {
        const page = pages[0];
        if (page !== undefined) pages[0] = { ...page, results: [...pending, ...page.results] };
      }
      return { ...data, pages };
    });
  }, [pending, queryClient, listKey, oldestFirst]);

  return { pending, latest, reveal, isError: head.isError };
}
