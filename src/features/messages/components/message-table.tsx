import { useTable, type Header } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, type KeyboardEvent, type ReactNode } from 'react';
import type { Message } from '@/lib/bird/message';
import type { ColumnSizing, ColumnVisibility } from '../hooks/use-column-preferences';
import { MESSAGE_COLUMNS, messageTableFeatures } from './message-columns';
import { MessageTableFooterRow, MessageTableRow, ROW_HEIGHT } from './message-table-row';

export { ROW_HEIGHT };
/** Ask for the next page this many rows before the end. */
const PREFETCH_ROWS = 15;
const KEYBOARD_RESIZE_STEP = 16;
/** Rows rendered beyond the visible ones, above and below. */
const OVERSCAN_ROWS = 8;

const estimateRowSize = () => ROW_HEIGHT;
const rowIdOf = (message: Message) => message.id;

type Updater<T> = T | ((previous: T) => T);

export interface MessageTableProps {
  rows: Message[];
  /** The row the keyboard is on. */
  selectedIndex: number | undefined;
  onSelect: (index: number | undefined) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** The row under the last one: loading, a failed page with Retry, or the end of the list. */
  footer: ReactNode;
  columnVisibility: ColumnVisibility;
  onColumnVisibilityChange: (updater: Updater<ColumnVisibility>) => void;
  columnSizing: ColumnSizing;
  onColumnSizingChange: (updater: Updater<ColumnSizing>) => void;
  /** Rows are being replaced (new filters loading). */
  busy: boolean;
  /** Set to scroll back to the top (the filters changed). */
  scrollKey: string;
  scrollRef: React.RefObject<HTMLDivElement | null>;
  onScroll?: (scrollTop: number) => void;
  /** The ids of the rows on screen, when they change (Live keeps their status current). */
  onVisibleRowsChange?: (ids: string[]) => void;
}

/**
 * The message log: TanStack Table for the columns (visibility, sizing, resizing) and
 * TanStack Virtual for the rows, so only what is on screen is in the DOM.
 */
export function MessageTable({
  rows,
  selectedIndex,
  onSelect,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  footer,
  columnVisibility,
  onColumnVisibilityChange,
  columnSizing,
  onColumnSizingChange,
  busy,
  scrollKey,
  scrollRef,
  onScroll,
  onVisibleRowsChange,
}: MessageTableProps) {
  const table = useTable({
    features: messageTableFeatures,
    columns: MESSAGE_COLUMNS,
    data: rows,
    getRowId: rowIdOf,
    state: { columnVisibility, columnSizing },
    onColumnVisibilityChange,
    onColumnSizingChange,
    columnResizeMode: 'onChange',
  });
  const tableRows = table.getRowModel().rows;
  const count = tableRows.length + 1;

  // The virtualizer keeps its measurements while `count`, `estimateSize` and `getItemKey`
  // stay the same: a key function that changed on every render would make it measure all
  // loaded rows again on every scroll step.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? 'footer', [rows]);
  const getScrollElement = useCallback(() => scrollRef.current, [scrollRef]);
  // No React Compiler in this build; the virtualizer is read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement,
    estimateSize: estimateRowSize,
    overscan: OVERSCAN_ROWS,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  const scrolling = virtualizer.isScrolling;

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

  // New filters: start reading from the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scrollKey, scrollRef]);

  // The keyboard moved: bring the row into view and put focus on its link.
  useEffect(() => {
    if (selectedIndex === undefined) return;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    const link = () =>
      scrollRef.current?.querySelector<HTMLElement>(
        `[data-row-index="${String(selectedIndex)}"] .messages-row-link`,
      );
    // A row already on screen takes focus at once, before the next key is handled (an
    // Enter then opens the row just selected); one scrolled into view, on the next frame.
    const shown = link();
    if (shown) {
      shown.focus({ preventScroll: true });
      return;
    }
    const frame = requestAnimationFrame(() => {
      link()?.focus({ preventScroll: true });
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [selectedIndex, virtualizer, scrollRef]);

  const totalWidth = table.getTotalSize();
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const visibleCount = headers.length;

  return (
    <div
      ref={scrollRef}
      className="messages-scroll"
      onScroll={(event) => onScroll?.(event.currentTarget.scrollTop)}
    >
      <div
        role="table"
        aria-label="Messages"
        aria-rowcount={hasNextPage ? -1 : tableRows.length + 1}
        aria-colcount={visibleCount}
        aria-busy={busy}
        className="messages-table"
        style={{ width: totalWidth }}
      >
        <div role="rowgroup" className="messages-thead">
          <div role="row" aria-rowindex={1} className="messages-tr">
            {headers.map((header) => (
              <div
                key={header.id}
                role="columnheader"
                className="messages-th"
                style={{ width: header.getSize() }}
              >
                <span className="messages-ellipsis">
                  <table.FlexRender header={header} />
                </span>
                <ResizeHandle header={header} onResize={onColumnSizingChange} />
              </div>
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          className="messages-tbody"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = tableRows[item.index];
            return row === undefined ? (
              <MessageTableFooterRow key="footer" start={item.start} colCount={visibleCount}>
                {footer}
              </MessageTableFooterRow>
            ) : (
              <MessageTableRow
                key={row.id}
                row={row}
                index={item.index}
                start={item.start}
                selected={selectedIndex === item.index}
                onSelect={onSelect}
                columnVisibility={columnVisibility}
                columnSizing={columnSizing}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function ResizeHandle({
  header,
  onResize,
}: {
  header: Header<typeof messageTableFeatures, Message>;
  onResize: (updater: Updater<ColumnSizing>) => void;
}) {
  const column = header.column;
  if (!column.getCanResize()) return null;
  const handler = header.getResizeHandler();
  const label = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
  const min = column.columnDef.minSize ?? 40;
  const size = header.getSize();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const delta =
      event.key === 'ArrowLeft'
        ? -KEYBOARD_RESIZE_STEP
        : event.key === 'ArrowRight'
          ? KEYBOARD_RESIZE_STEP
          : 0;
    if (delta === 0) return;
    event.preventDefault();
    event.stopPropagation();
    onResize((previous) => ({ ...previous, [column.id]: Math.max(min, size + delta) }));
  };
  return (
    <button
      type="button"
      aria-label={`Resize the ${label} column`}
      title="Drag to resize, or use the left and right arrow keys; double-click resets"
      className={`messages-resizer${column.getIsResizing() ? ' is-resizing' : ''}`}
      onMouseDown={handler}
      onTouchStart={handler}
      onDoubleClick={() => {
        column.resetSize();
      }}
      onKeyDown={onKeyDown}
    />
  );
}
