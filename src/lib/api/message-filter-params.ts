import {
  toMessageListSearchParams,
  type MessageListFilters,
  type MessageListRequest,
} from '@/lib/bird/message-list-query';
import { MESSAGE_PAGE_SIZE } from '@/lib/bird/decisions';

/**
 * Messages per page in Perch's lists: big enough to fill a screen, within the contract's
 * 1–100 (DEC).
 */
export const MESSAGE_PAGE_LIMIT = Math.min(50, MESSAGE_PAGE_SIZE.max);

export interface MessagePage {
  /** Defaults to {@link MESSAGE_PAGE_LIMIT}. */
  limit?: number | undefined;
  /** The previous page's `nextPageToken`; absent for the first page. */
  pageToken?: string | undefined;
}

/**
 * Which list the parameters are for: E6 (`/workspaces/{ws}/messages`) takes `channelId`
 * as a filter; E5 (`/channels/{ch}/messages`) has the channel in its path and no such
 * parameter.
 */
export type MessageListScope = 'workspace' | 'channel';

/**
 * THE mapping from the app's filter model to the query string of E5/E6. Parameter names
 * come from `MESSAGE_LIST_PARAM` in decisions.ts (through `toMessageListSearchParams`, the
 * shared inverse of the list-query schema): `status` repeats, absent values, empty strings,
 * empty lists and `reverse=false` are left out.
 */
export function messageFilterParams(
  filters: MessageListFilters,
  page: MessagePage = {},
  scope: MessageListScope = 'workspace',
): URLSearchParams {
  const { channelId, ...rest } = filters;
  const request: MessageListRequest = {
    ...rest,
    ...(scope === 'workspace' && channelId !== undefined ? { channelId } : {}),
    limit: page.limit ?? MESSAGE_PAGE_LIMIT,
    ...(page.pageToken !== undefined && page.pageToken !== '' ? { pageToken: page.pageToken } : {}),
  };
  return toMessageListSearchParams(request);
}
