import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { nextPageTokenOf } from '@/lib/bird/common';
import {
  messageListSchema,
  messageSchema,
  type Message,
  type MessageList,
} from '@/lib/bird/message';
import type { MessageListFilters } from '@/lib/bird/message-list-query';
import { messageKeys } from './bird-keys';
import { apiClient } from './client';
import { messageFilterParams, type MessagePage } from './message-filter-params';
import { channelMessagesPath, messagePath, workspaceMessagesPath } from './paths';

/** E6: a page of messages across the workspace's channels. */
export function fetchWorkspaceMessages(
  workspaceId: string,
  filters: MessageListFilters,
  page: MessagePage = {},
  signal?: AbortSignal,
): Promise<MessageList> {
  return apiClient.request(workspaceMessagesPath(workspaceId), messageListSchema, {
    query: messageFilterParams(filters, page, 'workspace'),
    signal,
  });
}

/** E5: a page of one channel's messages. */
export function fetchChannelMessages(
  workspaceId: string,
  channelId: string,
  filters: MessageListFilters,
  page: MessagePage = {},
  signal?: AbortSignal,
): Promise<MessageList> {
  return apiClient.request(channelMessagesPath(workspaceId, channelId), messageListSchema, {
    query: messageFilterParams(filters, page, 'channel'),
    signal,
  });
}

/** E7 */
export function fetchMessage(
  workspaceId: string,
  channelId: string,
  messageId: string,
  signal?: AbortSignal,
): Promise<Message> {
  return apiClient.request(messagePath(workspaceId, channelId, messageId), messageSchema, {
    signal,
  });
}

/** The workspace's messages, newest first unless `filters.reverse`, page by page. */
export function workspaceMessagesInfiniteOptions(
  workspaceId: string,
  filters: MessageListFilters = {},
) {
  return infiniteQueryOptions({
    queryKey: messageKeys.workspaceList(workspaceId, filters),
    queryFn: ({ pageParam, signal }) =>
      fetchWorkspaceMessages(workspaceId, filters, { pageToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => nextPageTokenOf(lastPage),
  });
}

/** One channel's messages, page by page. */
export function channelMessagesInfiniteOptions(
  workspaceId: string,
  channelId: string,
  filters: MessageListFilters = {},
) {
  return infiniteQueryOptions({
    queryKey: messageKeys.channelList(workspaceId, channelId, filters),
    queryFn: ({ pageParam, signal }) =>
      fetchChannelMessages(workspaceId, channelId, filters, { pageToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => nextPageTokenOf(lastPage),
  });
}

export function messageQueryOptions(workspaceId: string, channelId: string, messageId: string) {
  return queryOptions({
    queryKey: messageKeys.detail(workspaceId, channelId, messageId),
    queryFn: ({ signal }) => fetchMessage(workspaceId, channelId, messageId, signal),
  });
}
