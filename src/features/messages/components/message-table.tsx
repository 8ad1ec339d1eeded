import { useTable, type Header } from '@tanstack/react-table';
import { useCallback, useState, type KeyboardEvent } from 'react';
import type { Message } from '@/lib/bird/message';
import type { ColumnSizing, ColumnVisibility } from '../hooks/use-column-preferences';
import { MESSAGE_COLUMNS, messageTableFeatures } from './message-columns';
import { MessageTableBody, type MessageTableBodyProps } from './message-table-body';
import { ROW_HEIGHT } from './message-table-row';

export { ROW_HEIGHT };
const KEYBOARD_RESIZE_STEP = 16;
const rowIdOf = (message: Message) => message.id;

type Updater<T> = T | ((previous: T) => T);

export interface MessageTableProps extends Omit<
  MessageTableBodyProps,
  'tableRows' | 'colCount' | 'scrollElement'
> {
  rows: Message[];
  onColumnVisibilityChange: (updater: Updater<ColumnVisibility>) => void;
  onColumnSizingChange: (updater: Updater<ColumnSizing>) => void;
  /** Rows are being replaced (new filters loading). */
  busy: boolean;
  scrollRef: React.RefObject<HTMLDivElement | null>;
  onScroll?: (scrollTop: number) => void;
}

/**
 * The message log: TanStack Table for the columns (visibility, sizing, resizing) and, in
 * MessageTableBody, TanStack Virtual for the rows, so only what is on screen is in the DOM.
 */
export function MessageTable({
  rows,
  onColumnVisibilityChange,
  onColumnSizingChange,
  busy,
  scrollRef,
  onScroll,
  ...bodyProps
}: MessageTableProps) {
  const { columnVisibility, columnSizing, hasNextPage } = bodyProps;
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
  // The body's virtualizer needs the scroll box, which is attached after the body's own
  // effects have run on mount: it gets the element once there is one.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const attachScroll = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      setScrollElement(element);
    },
    [scrollRef],
  );

  const totalWidth = table.getTotalSize();
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const visibleCount = headers.length;

  return (
    <div
      ref={attachScroll}
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
        <MessageTableBody
          {...bodyProps}
          tableRows={tableRows}
          colCount={visibleCount}
          scrollElement={scrollElement}
        />
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
