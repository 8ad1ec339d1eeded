import { queryOptions } from '@tanstack/react-query';
import {
  channelListSchema,
  channelSchema,
  type Channel,
  type ChannelList,
} from '@/lib/bird/channel';
import { CHANNEL_PAGE_SIZE } from '@/lib/bird/decisions';
import { channelKeys, type ChannelListParams } from './bird-keys';
import { apiClient } from './client';
import { channelPath, channelsPath } from './paths';

/**
 * A workspace has few channels; one page of the contract's maximum holds them all. The
 * answer's `nextPageToken` tells a caller when it does not.
 */
export const CHANNEL_LIST_LIMIT = CHANNEL_PAGE_SIZE.max;

/** E1 */
export function fetchChannels(
  workspaceId: string,
  params: ChannelListParams = {},
  signal?: AbortSignal,
): Promise<ChannelList> {
  return apiClient.request(channelsPath(workspaceId), channelListSchema, {
    query: {
      limit: params.limit ?? CHANNEL_LIST_LIMIT,
      reverse: params.reverse === true ? 'true' : undefined,
      platform: params.platform,
      status: params.status,
    },
    signal,
  });
}

/** E2 */
export function fetchChannel(
  workspaceId: string,
  channelId: string,
  signal?: AbortSignal,
): Promise<Channel> {
  return apiClient.request(channelPath(workspaceId, channelId), channelSchema, { signal });
}

export function channelListQueryOptions(workspaceId: string, params: ChannelListParams = {}) {
  return queryOptions({
    queryKey: channelKeys.list(workspaceId, params),
    queryFn: ({ signal }) => fetchChannels(workspaceId, params, signal),
    staleTime: 60_000,
  });
}

export function channelQueryOptions(workspaceId: string, channelId: string) {
  return queryOptions({
    queryKey: channelKeys.detail(workspaceId, channelId),
    queryFn: ({ signal }) => fetchChannel(workspaceId, channelId, signal),
    staleTime: 60_000,
  });
}
