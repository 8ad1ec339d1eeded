import type { Row } from '@tanstack/react-table';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Message } from '@/lib/bird/message';
import type { ColumnSizing, ColumnVisibility } from '../hooks/use-column-preferences';
import { useRowLinkClicks } from '../hooks/use-row-link-clicks';
import { useRowView } from '../hooks/use-row-view';
import { useRowVirtualizer } from '../hooks/use-row-virtualizer';
import { RowDrawBudget, drawingOrder } from '../utils/row-draw-budget';
import type { messageTableFeatures } from './message-columns';
import {
  MessageTableFooterRow,
  MessageTablePlaceholderRow,
  MessageTableRow,
  ROW_HEIGHT,
} from './message-table-row';

/** Ask for the next page this many rows before the end. */
const PREFETCH_ROWS = 15;
/** Rows rendered beyond the visible ones: ahead of a scroll, and both ways at rest. */
const OVERSCAN_ROWS = 8;
/** Rows kept on the side a scroll moves away from. */
const OVERSCAN_BEHIND_ROWS = 2;
/**
 * While the list scrolls, the most rows drawn anew per frame (see RowDrawBudget). A steady
 * scroll at 125 rows a second needs three to five a frame on a machine four times slower
 * than a 2-core test VM, where four rows take 25 to 35 ms to draw; a frame that ran late
 * may ask for fifteen.
 */
const NEW_ROWS_PER_FRAME = 4;

const estimateRowSize = () => ROW_HEIGHT;

/**
 * The box assumed before the scroll box is measured: on the server (the first rows arrive in
 * the page's HTML, src/app/prerender.tsx) and in the browser's first render, which then
 * shows the same rows. A large window's worth (15 rows, and the overscan); the real size
 * takes over once mounted.
 */
const INITIAL_RECT = { width: 1280, height: 600 };

export interface MessageTableBodyProps {
  tableRows: Row<typeof messageTableFeatures, Message>[];
  /** The visible columns, for the footer row's span. */
  colCount: number;
  /** The row the keyboard is on. */
  selectedIndex: number | undefined;
  onSelect: (index: number | undefined) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** The row under the last one: loading, a failed page with Retry, or the end of the list. */
  footer: ReactNode;
  /** Passed on to the rows, which render again when a column is shown, hidden or resized. */
  columnVisibility: ColumnVisibility;
  columnSizing: ColumnSizing;
  /** Set to scroll back to the top (the filters changed). */
  scrollKey: string;
  /** The box the rows scroll in; null until it is mounted. */
  scrollElement: HTMLDivElement | null;
  /** The ids of the rows on screen, when they change (Live keeps their status current). */
  onVisibleRowsChange?: ((ids: string[]) => void) | undefined;
}

/**
 * The rows, virtualized: only those on screen (and a few beyond) are in the DOM. The
 * virtualizer lives here, apart from the table and its headers, so that a scroll step
 * renders this body and the rows coming into view, not the whole table.
 */
export const MessageTableBody = memo(function MessageTableBody({
  tableRows,
  colCount,
  selectedIndex,
  onSelect,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  footer,
  columnVisibility,
  columnSizing,
  scrollKey,
  scrollElement,
  onVisibleRowsChange,
}: MessageTableBodyProps) {
  // The virtualizer keeps its measurements while `count`, `estimateSize` and `getItemKey`
  // stay the same: a key function that changed on every render would make it measure all
  // loaded rows again on every scroll step.
  const getItemKey = useCallback((index: number) => tableRows[index]?.id ?? 'footer', [tableRows]);
  const getScrollElement = useCallback(() => scrollElement, [scrollElement]);
  const virtualizer = useRowVirtualizer({
    count: tableRows.length + 1,
    getScrollElement,
    estimateSize: estimateRowSize,
    overscan: OVERSCAN_ROWS,
    overscanBehind: OVERSCAN_BEHIND_ROWS,
    getItemKey,
    initialRect: INITIAL_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  const scrolling = virtualizer.isScrolling;

  // While scrolling, rows past the frame's budget wait as placeholders, the rows on screen
  // drawn first from the edge the scroll brings rows in at; at rest, all are drawn.
  const [budget] = useState(() => new RowDrawBudget(NEW_ROWS_PER_FRAME));
  const [, drawMore] = useReducer((count: number) => count + 1, 0);
  const selection = budget.select(
    drawingOrder(
      items.map((item) => item.index),
      virtualizer.range,
      virtualizer.scrollDirection,
    ).flatMap((index) => tableRows[index]?.id ?? []),
    scrolling,
  );
  const { drawn } = selection;
  useLayoutEffect(() => {
    budget.commit(selection, drawMore);
  });
  const view = useRowView();
  useRowLinkClicks(scrollElement);

  // Told once the list comes to rest, not on every row that passes during a scroll.
  useEffect(() => {
    if (scrolling || onVisibleRowsChange === undefined) return;
    onVisibleRowsChange(tableRows.slice(firstIndex, lastIndex + 1).map((row) => row.id));
  }, [scrolling, firstIndex, lastIndex, tableRows, onVisibleRowsChange]);

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tableRows.length - PREFETCH_ROWS) {
      fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, lastIndex, tableRows.length, fetchNextPage]);

  // New filters: start reading from the top (a new list starts there anyway).
  const shownKey = useRef(scrollKey);
  useEffect(() => {
    if (shownKey.current === scrollKey) return;
    shownKey.current = scrollKey;
    scrollElement?.scrollTo({ top: 0 });
  }, [scrollKey, scrollElement]);

  // The keyboard moved: bring the row into view and put focus on its link. A row in the DOM
  // (on screen or in the overscan) is scrolled to by the browser, in the list and in the
  // page when the list's box reaches below the window, and takes focus at once, before the
  // next key is handled (an Enter then opens the row just selected). One the list was
  // scrolled away from is scrolled to first, and takes focus once it has rendered (below).
  // Not virtualizer.scrollToIndex: it keeps scrolling back to its index for frames after,
  // and a key held down left the list at an older row.
  const pendingFocus = useRef<number | undefined>(undefined);
  const focusRow = useCallback(
    (index: number): boolean => {
      const row = scrollElement?.querySelector<HTMLElement>(`[data-row-index="${String(index)}"]`);
      const link = row?.querySelector<HTMLElement>('.messages-row-link');
      if (!row || !link) return false;
      row.scrollIntoView({ block: 'nearest' });
      link.focus({ preventScroll: true });
      return true;
    },
    [scrollElement],
  );
  useEffect(() => {
    pendingFocus.current = undefined;
    if (selectedIndex === undefined || focusRow(selectedIndex)) return;
    const target = virtualizer.getOffsetForIndex(selectedIndex, 'auto');
    if (target !== undefined) virtualizer.scrollToOffset(target[0]);
    pendingFocus.current = selectedIndex;
  }, [selectedIndex, virtualizer, focusRow]);
  // After every render: the row the keyboard scrolled to may be in the DOM now.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index !== undefined && focusRow(index)) pendingFocus.current = undefined;
  });

  return (
    <div role="rowgroup" className="messages-tbody" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = tableRows[item.index];
        if (row === undefined) {
          return (
            <MessageTableFooterRow key="footer" start={item.start} colCount={colCount}>
              {footer}
            </MessageTableFooterRow>
          );
        }
        return !drawn.has(row.id) ? (
          <MessageTablePlaceholderRow key={row.id} start={item.start} />
        ) : (
          <MessageTableRow
            key={row.id}
            row={row}
            index={item.index}
            start={item.start}
            selected={selectedIndex === item.index}
            onSelect={onSelect}
            view={view}
            columnVisibility={columnVisibility}
            columnSizing={columnSizing}
          />
        );
      })}
    </div>
  );
});
