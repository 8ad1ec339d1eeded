import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { PrivacyToggle } from '@/components/privacy-toggle';
import { TimeZoneToggle } from '@/components/time-zone-toggle';
import { channelListQueryOptions } from '@/lib/api/channels';
import type { Channel } from '@/lib/bird/channel';
import { formatShortTime } from '@/lib/format-time';
import { listContextFor, messagePagePath } from '@/lib/message-list-link';
import { useTimeZonePreference } from '@/lib/time-zone-preference';
import { ActiveFilters, UrlNotices } from './components/active-filters';
import { ChannelsContext } from './components/channels-context';
import { ColumnChooser } from './components/column-chooser';
import { ExportCsv } from './components/export-csv';
import { ListLinkContext } from './components/list-link-context';
import type { LiveView } from './components/live-updates';
import { MessageFiltersForm } from './components/message-filters-form';
import { ListFooter, MessageListStates } from './components/message-list-states';
import { MessageTable, ROW_HEIGHT } from './components/message-table';
import { SavedViewsMenu } from './components/saved-views-menu';
import { useColumnPreferences } from './hooks/use-column-preferences';
import { useCsvExport } from './hooks/use-csv-export';
import { useListKeyboard } from './hooks/use-list-keyboard';
import { useMessageFilters } from './hooks/use-message-filters';
import { useMessageList } from './hooks/use-message-list';
import { useWorkspaceId } from './hooks/use-workspace-id';
import { filterChips } from './utils/filter-chips';
import {
  EMPTY_MESSAGE_FILTERS,
  messageFiltersToSearch,
  parseMessageFilters,
  toMessageListFilters,
} from '@/lib/message-filters-url';
import './messages-page.css';

const NO_CHANNELS: Channel[] = [];

/** Live's code loads when it is first turned on. */
const LiveUpdates = lazy(() => import('./components/live-updates'));
const NOT_LIVE: LiveView = {
  pending: [],
  latest: new Map(),
  reveal: () => undefined,
  isError: false,
};

export function MessagesPage() {
  const workspaceId = useWorkspaceId();
  return (
    <>
      <PageHeader
        title="Messages"
        description="Every message of the workspace or of one channel, filtered as you like. The filters live in the address, so a view is a link you can share."
      />
      {workspaceId === undefined ? null : <MessagesView workspaceId={workspaceId} />}
    </>
  );
}

/** Milliseconds now; read when the filters change, never during a plain re-render. */
const readClock = () => Date.now();

function MessagesView({ workspaceId }: { workspaceId: string }) {
  const navigate = useNavigate();
  const { filters, notices, search, setFilters } = useMessageFilters();
  const { timeZone } = useTimeZonePreference();
  const columns = useColumnPreferences();

  // A date preset ("last hour") is anchored when the filters are set, so that paging
  // through the cursor keeps one window. Refresh moves the anchor to now.
  const [anchor, setAnchor] = useState(() => ({ search, at: readClock() }));
  if (anchor.search !== search) setAnchor({ search, at: readClock() });

  const channelsQuery = useQuery(channelListQueryOptions(workspaceId));
  const channels = channelsQuery.data?.results ?? NO_CHANNELS;
  const channelMap = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);

  const listFilters = useMemo(() => toMessageListFilters(filters, anchor.at), [filters, anchor.at]);
  // What each row's link carries: this list, so the message page steps through it.
  const listLink = useMemo(() => listContextFor(search, anchor.at), [search, anchor.at]);
  const { query, rows: loadedRows } = useMessageList(workspaceId, filters.channelId, listFilters);

  const scrollRef = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState(false);
  const [visibleIds, setVisibleIds] = useState<string[]>([]);
  const showVisibleRows = useCallback((ids: string[]) => {
    setVisibleIds((previous) =>
      previous.length === ids.length && previous.every((id, i) => id === ids[i]) ? previous : ids,
    );
  }, []);
  const [liveView, setLiveView] = useState<LiveView>(NOT_LIVE);
  const { latest, pending, reveal, isError: liveFailed } = live ? liveView : NOT_LIVE;
  // Rows Live has read again show their new status in place.
  const rows = useMemo(
    () => (latest.size === 0 ? loadedRows : loadedRows.map((row) => latest.get(row.id) ?? row)),
    [loadedRows, latest],
  );
  // New messages go straight in while the reader is at the top; otherwise they wait behind
  // the "N new messages" pill, so that nothing moves under the reader's eyes.
  useEffect(() => {
    if (pending.length > 0 && (scrollRef.current?.scrollTop ?? 0) < ROW_HEIGHT / 2) reveal();
  }, [pending, reveal]);

  const csvExport = useCsvExport({
    workspaceId,
    channelId: filters.channelId,
    filters: listFilters,
    channels: channelMap,
  });

  const chips = filterChips(filters, {
    channelName: (id) => channelMap.get(id)?.name,
    formatTime: (iso) => formatShortTime(Date.parse(iso), timeZone),
  });

  const [selection, setSelection] = useState<{ search: string; index: number | undefined }>({
    search,
    index: undefined,
  });
  const selectedIndex = selection.search === search ? selection.index : undefined;
  const select = useCallback(
    (index: number | undefined) => {
      setSelection({ search, index });
    },
    [search],
  );

  const searchRef = useRef<HTMLInputElement>(null);
  useListKeyboard({
    rowCount: rows.length,
    selectedIndex,
    onSelect: select,
    onOpen: (index) => {
      const message = rows[index];
      if (message !== undefined) void navigate(messagePagePath(message, listLink));
    },
    searchRef,
    listRef: scrollRef,
  });

  const clearFilters = () => {
    setFilters(EMPTY_MESSAGE_FILTERS);
  };
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => {
    void fetchNextPage();
  }, [fetchNextPage]);

  return (
    <ChannelsContext value={channelMap}>
      <div className="messages-toolbar">
        <button
          type="button"
          className="button"
          aria-pressed={live}
          title="Shows new messages and status changes as they happen"
          onClick={() => {
            setLive((on) => !on);
            setLiveView(NOT_LIVE);
          }}
        >
          <span className={`messages-live-dot${live ? ' is-on' : ''}`} aria-hidden="true" />
          Live
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setAnchor({ search, at: readClock() });
            void query.refetch();
          }}
        >
          Refresh
        </button>
        {live ? (
          <Suspense fallback={null}>
            <LiveUpdates
              workspaceId={workspaceId}
              channelId={filters.channelId}
              filters={listFilters}
              rows={loadedRows}
              visibleIds={visibleIds}
              reachedEnd={!query.hasNextPage}
              onChange={setLiveView}
            />
          </Suspense>
        ) : null}
        {live ? (
          <span className="messages-live-note" role="status">
            {liveFailed
              ? 'Live: the latest messages could not be read; trying again.'
              : 'Live: checking for new messages every 2 seconds.'}
          </span>
        ) : null}
        <ExportCsv
          state={csvExport.state}
          onStart={() => {
            void csvExport.start();
          }}
          onCancel={csvExport.cancel}
          onDismiss={csvExport.dismiss}
        />
        <span className="messages-toolbar-spacer" />
        <SavedViewsMenu
          current={{ search, columns: columns.columnVisibility }}
          onApply={(view) => {
            setFilters(parseMessageFilters(view.search).filters);
            columns.setColumnVisibility(view.columns);
          }}
        />
        <ColumnChooser
          visibility={columns.columnVisibility}
          onChange={columns.setColumnVisibility}
          onResetWidths={() => {
            columns.setColumnSizing({});
          }}
        />
        <TimeZoneToggle />
        <PrivacyToggle />
      </div>

      <UrlNotices
        notices={notices}
        onTidy={() => {
          setFilters(filters, 'replace');
        }}
      />
      <MessageFiltersForm
        filters={filters}
        setFilters={setFilters}
        channels={channelsQuery.data?.results}
        searchRef={searchRef}
      />
      <ActiveFilters chips={chips} onChange={setFilters} onClear={clearFilters} />

      <MessageListStates
        query={query}
        rowCount={rows.length}
        chips={chips}
        onClear={clearFilters}
        hasFilters={messageFiltersToSearch(filters).size > 0}
      >
        {pending.length > 0 ? (
          <button
            type="button"
            className="messages-new-pill"
            onClick={() => {
              reveal();
              scrollRef.current?.scrollTo({ top: 0 });
            }}
          >
            {pending.length === 1 ? '1 new message' : `${String(pending.length)} new messages`}
          </button>
        ) : null}
        <ListLinkContext value={listLink}>
          <MessageTable
            rows={rows}
            selectedIndex={selectedIndex}
            onSelect={select}
            hasNextPage={hasNextPage}
            isFetchingNextPage={isFetchingNextPage}
            fetchNextPage={loadMore}
            footer={<ListFooter query={query} rowCount={rows.length} />}
            columnVisibility={columns.columnVisibility}
            onColumnVisibilityChange={columns.setColumnVisibility}
            columnSizing={columns.columnSizing}
            onColumnSizingChange={columns.setColumnSizing}
            busy={query.isPlaceholderData}
            scrollKey={search}
            scrollRef={scrollRef}
            onScroll={(scrollTop) => {
              if (scrollTop < ROW_HEIGHT / 2 && pending.length > 0) reveal();
            }}
            onVisibleRowsChange={live ? showVisibleRows : undefined}
          />
        </ListLinkContext>
      </MessageListStates>
    </ChannelsContext>
  );
}
