import type { ReactNode } from 'react';
import type { FilterChip } from '../utils/filter-chips';
import { describeListError } from '../utils/list-error';
import { formatCount } from '@/lib/format-count';

/** What the list needs to know of its infinite query. */
export interface ListQueryState {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  isPlaceholderData: boolean;
  hasNextPage: boolean;
  /** The last failed attempt's error while TanStack Query is still retrying. */
  failureReason: Error | null;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

const SKELETON_ROWS = 8;

interface MessageListStatesProps {
  query: ListQueryState;
  rowCount: number;
  chips: readonly FilterChip[];
  hasFilters: boolean;
  onClear: () => void;
  children: ReactNode;
}

/** The count line, then the table, or instead of it: skeleton rows, an error, or the empty state. */
export function MessageListStates({
  query,
  rowCount,
  chips,
  hasFilters,
  onClear,
  children,
}: MessageListStatesProps) {
  return (
    <section className="messages-list" aria-labelledby="messages-list-heading">
      <h2 id="messages-list-heading" className="visually-hidden">
        Message list
      </h2>
      <p className="messages-count" role="status">
        {countText(query, rowCount)}
      </p>
      {query.isPending ? (
        <SkeletonRows />
      ) : query.isError && rowCount === 0 ? (
        <ListError error={query.error} onRetry={query.refetch} />
      ) : rowCount === 0 ? (
        <EmptyState chips={chips} hasFilters={hasFilters} onClear={onClear} />
      ) : (
        children
      )}
    </section>
  );
}

function countText(query: ListQueryState, rowCount: number): string {
  if (query.isFetching && query.failureReason !== null) {
    const { rateLimitNote, message } = describeListError(query.failureReason);
    return rateLimitNote ?? `${message} Trying again…`;
  }
  if (query.isPending) return 'Loading messages…';
  if (query.isPlaceholderData) return 'Updating the list…';
  if (query.isError && rowCount === 0) return 'The messages could not be loaded.';
  if (rowCount === 0) return 'No matching messages.';
  const noun = rowCount === 1 ? 'message' : 'messages';
  return query.hasNextPage
    ? `${formatCount(rowCount)} ${noun} loaded, more below`
    : `All ${formatCount(rowCount)} matching ${noun} loaded`;
}

function SkeletonRows() {
  return (
    <div className="messages-skeleton" aria-hidden="true">
      {Array.from({ length: SKELETON_ROWS }, (_, index) => (
        <div key={index} className="messages-skeleton-row">
          <span />
          <span />
          <span />
          <span />
        </div>
      ))}
    </div>
  );
}

function ListError({ error, onRetry }: { error: Error | null; onRetry: () => unknown }) {
  const { message, rateLimitNote } = describeListError(error);
  return (
    <div className="messages-panel messages-error" role="alert">
      <p>
        <strong>The messages could not be loaded.</strong> {message}
      </p>
      {rateLimitNote === undefined ? null : <p>{rateLimitNote}</p>}
      <button
        type="button"
        className="button button-primary"
        onClick={() => {
          void onRetry();
        }}
      >
        Retry
      </button>
    </div>
  );
}

function EmptyState({
  chips,
  hasFilters,
  onClear,
}: {
  chips: readonly FilterChip[];
  hasFilters: boolean;
  onClear: () => void;
}) {
  if (!hasFilters) {
    return (
      <div className="messages-panel">
        <p>
          <strong>No messages yet.</strong> Messages sent or received in this workspace show up
          here.
        </p>
      </div>
    );
  }
  return (
    <div className="messages-panel">
      <p>
        <strong>No messages match these filters:</strong>{' '}
        {chips.map((chip) => chip.label).join(', ')}.
      </p>
      <button type="button" className="button button-primary" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}

/** The row under the last one: loading, a failed page with Retry, or the end of the list. */
export function ListFooter({ query, rowCount }: { query: ListQueryState; rowCount: number }) {
  if (query.isFetchNextPageError) {
    const { message, rateLimitNote } = describeListError(query.error);
    return (
      <span className="messages-footer messages-footer-error">
        More messages could not be loaded: {message} {rateLimitNote ?? ''}
        <button
          type="button"
          className="button"
          onClick={() => {
            void query.fetchNextPage();
          }}
        >
          Retry
        </button>
      </span>
    );
  }
  if (query.hasNextPage) {
    return <span className="messages-footer">Loading more messages…</span>;
  }
  return (
    <span className="messages-footer messages-footer-end">
      End of list · {formatCount(rowCount)} {rowCount === 1 ? 'message' : 'messages'}
    </span>
  );
}
