import { infiniteQueryOptions } from '@tanstack/react-query';
import { nextPageTokenOf } from '@/lib/bird/common';
import { INTERACTION_PAGE_SIZE } from '@/lib/bird/decisions';
import { interactionListSchema, type InteractionList } from '@/lib/bird/interaction';
import { interactionKeys } from './bird-keys';
import { apiClient } from './client';
import { interactionsPath } from './paths';

/** E8 page size: the most the contract allows (Bird itself returns them all at once). */
export const INTERACTION_PAGE_LIMIT = INTERACTION_PAGE_SIZE.max;

/** E8: a page of what happened to a message after delivery. */
export function fetchInteractions(
  workspaceId: string,
  channelId: string,
  messageId: string,
  pageToken?: string,
  signal?: AbortSignal,
): Promise<InteractionList> {
  return apiClient.request(
    interactionsPath(workspaceId, channelId, messageId),
    interactionListSchema,
    { query: { limit: INTERACTION_PAGE_LIMIT, pageToken }, signal },
  );
}

/** A message's interactions, following `nextPageToken` when the upstream pages them. */
export function interactionsInfiniteOptions(
  workspaceId: string,
  channelId: string,
  messageId: string,
) {
  return infiniteQueryOptions({
    queryKey: interactionKeys.list(workspaceId, channelId, messageId),
    queryFn: ({ pageParam, signal }) =>
      fetchInteractions(workspaceId, channelId, messageId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => nextPageTokenOf(lastPage),
  });
}
