import { rfc3339ToTimestampSchema, toTimestamp } from '@/lib/bird/common';
import type { Message } from '@/lib/bird/message';
import type { MessageListFilters } from '@/lib/bird/message-list-query';
import {
  messageFiltersToSearch,
  parseMessageFilters,
  toMessageListFilters,
} from '@/lib/message-filters-url';

/**
 * A message page opened from the Messages list remembers that list in its own address, so
 * that previous / next walk the same rows and the link still works when shared:
 *
 *   /messages/<channel>/<message>?list=<the list's filters>[&listAt=<time>]
 *
 * `list` is the list's canonical search string (possibly empty: the unfiltered list);
 * `listAt` is when a date preset ("last hour") was anchored, so that the message page asks
 * for exactly the window the list showed. Without `list` the page has no list to step
 * through.
 */

export const LIST_PARAM = 'list';
export const LIST_AT_PARAM = 'listAt';
export const MESSAGES_PATH = '/messages';

export interface MessageListContext {
  /** The list's filters as its address has them, without `?`. */
  search: string;
  /** Epoch ms the list's date preset was anchored at; absent when it has no preset. */
  anchorMs?: number | undefined;
}

/**
 * The context for a list showing `search` (any form; kept canonical), whose date preset, if
 * it has one, was anchored at `anchorMs`.
 */
export function listContextFor(search: string, anchorMs: number): MessageListContext {
  const { filters } = parseMessageFilters(search);
  const canonical = messageFiltersToSearch(filters).toString();
  return filters.range?.kind === 'preset' ? { search: canonical, anchorMs } : { search: canonical };
}

/** `/messages/:channelId/:messageId`, carrying the list it was opened from when given. */
export function messagePagePath(
  message: Pick<Message, 'channelId' | 'id'>,
  list?: MessageListContext,
): string {
  const path = `${MESSAGES_PATH}/${encodeURIComponent(message.channelId)}/${encodeURIComponent(message.id)}`;
  if (list === undefined) return path;
  const params = new URLSearchParams({ [LIST_PARAM]: list.search });
  if (list.anchorMs !== undefined) params.set(LIST_AT_PARAM, toTimestamp(list.anchorMs));
  return `${path}?${params.toString()}`;
}

/**
 * The list a message page was opened from, or undefined (a shared link without one). A
 * preset without a readable `listAt` is anchored at `nowMs`.
 */
export function readListContext(
  search: URLSearchParams | string,
  nowMs: number,
): MessageListContext | undefined {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const list = params.get(LIST_PARAM);
  if (list === null) return undefined;
  const at = rfc3339ToTimestampSchema.safeParse(params.get(LIST_AT_PARAM) ?? '');
  return listContextFor(list, at.success ? Date.parse(at.data) : nowMs);
}

/** The Messages list itself, with its filters. */
export function listPagePath(list: MessageListContext): string {
  return list.search === '' ? MESSAGES_PATH : `${MESSAGES_PATH}?${list.search}`;
}

/** What the list asked the API for: its scope and E5/E6 filters. */
export function listRequestOf(list: MessageListContext): {
  channelId: string | undefined;
  filters: MessageListFilters;
} {
  const { filters } = parseMessageFilters(list.search);
  // Only a preset reads the anchor, and a context with a preset always has one.
  return {
    channelId: filters.channelId,
    filters: toMessageListFilters(filters, list.anchorMs ?? 0),
  };
}
