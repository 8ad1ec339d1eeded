import type { Message } from '@/lib/bird/message';

/**
 * Where the open message stands in the list it was opened from, as far as that list is
 * loaded: its neighbours in the list's own order, and whether more pages follow.
 */
export interface ListPosition {
  /** 0-based index among the loaded rows. */
  index: number;
  loaded: number;
  /** More pages follow the loaded ones. */
  hasMore: boolean;
  previous: Message | undefined;
  next: Message | undefined;
}

/** The position of `messageId` among the loaded rows, or undefined when it is not there. */
export function findListPosition(
  rows: readonly Message[],
  messageId: string,
  hasMore: boolean,
): ListPosition | undefined {
  const index = rows.findIndex((row) => row.id === messageId);
  if (index === -1) return undefined;
  return {
    index,
    loaded: rows.length,
    hasMore,
    previous: rows[index - 1],
    next: rows[index + 1],
  };
}

/** "12 of 250 loaded" while more pages follow, "12 of 250" once the whole list is here. */
export function describeListPosition(position: ListPosition): string {
  const of = `${String(position.index + 1)} of ${String(position.loaded)}`;
  return position.hasMore ? `${of} loaded` : of;
}

/**
 * How many pages the message page reads, at most, looking for a message that is not among
 * the loaded rows (a shared link, or a list that moved): 20 pages of 50 rows.
 */
export const MAX_SEARCH_PAGES = 20;

/**
 * Whether to read the list's next page now: the open message is the last loaded row (so
 * that Next has somewhere to go), or it is not loaded yet and the search has pages left.
 */
export function wantsNextPage(
  position: ListPosition | undefined,
  pagesLoaded: number,
  hasNextPage: boolean,
): boolean {
  if (!hasNextPage) return false;
  if (position === undefined) return pagesLoaded < MAX_SEARCH_PAGES;
  return position.next === undefined;
}
