import type { Row } from '@tanstack/react-table';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { isFailedStatus } from '@/components/status-badge';
import type { Message } from '@/lib/bird/message';
import type { ColumnSizing, ColumnVisibility } from '../hooks/use-column-preferences';
import type { RowView } from '../hooks/use-row-view';
import { messageCell } from './message-cells';
import { isMessageColumnId, type messageTableFeatures } from './message-columns';

/** Every row is one line; a fixed height keeps scrolling through millions cheap. */
export const ROW_HEIGHT = 40;

/** Where a row sits in the scrolled body: only the vertical offset changes while scrolling. */
function rowStyle(start: number): CSSProperties {
  return { transform: `translateY(${String(start)}px)`, height: ROW_HEIGHT };
}

interface MessageTableRowProps {
  row: Row<typeof messageTableFeatures, Message>;
  index: number;
  start: number;
  selected: boolean;
  onSelect: (index: number) => void;
  /** What the cells show apart from the message (the same object for every row). */
  view: RowView;
  /**
   * Not read here: the cells read the table's state, and these props make the memoised row
   * render again when a column is shown, hidden or resized.
   */
  columnVisibility: ColumnVisibility;
  columnSizing: ColumnSizing;
}

/**
 * One message row. Memoised with props that stay the same while the list scrolls, so a
 * scroll renders only the rows that come into view. Each visible column's cell is a plain
 * `messageCell` call, not a component of its own.
 */
export const MessageTableRow = memo(function MessageTableRow({
  row,
  index,
  start,
  selected,
  onSelect,
  view,
}: MessageTableRowProps) {
  const message = row.original;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row-index={index}
      data-direction={message.direction}
      data-selected={selected ? 'true' : undefined}
      data-failed={isFailedStatus(message.status) ? 'true' : undefined}
      className="messages-tr messages-row"
      style={rowStyle(start)}
      onFocus={() => {
        if (!selected) onSelect(index);
      }}
    >
      {row.getVisibleCells().map((cell) => (
        <div
          key={cell.id}
          role="cell"
          className={`messages-td messages-col-${cell.column.id}`}
          style={{ width: cell.column.getSize() }}
        >
          {isMessageColumnId(cell.column.id) && messageCell(cell.column.id, message, view)}
        </div>
      ))}
    </div>
  );
});

/**
 * A row the scroll has not drawn yet (message-table-body.tsx): a grey bar in its place,
 * hidden from assistive technology, replaced within a frame or two.
 */
export function MessageTablePlaceholderRow({ start }: { start: number }) {
  return (
    <div
      aria-hidden="true"
      className="messages-tr messages-placeholder-row"
      style={rowStyle(start)}
    />
  );
}

/** The row under the last one: loading, a failed page with Retry, or the end of the list. */
export function MessageTableFooterRow({
  start,
  colCount,
  children,
}: {
  start: number;
  colCount: number;
  children: ReactNode;
}) {
  return (
    <div role="row" className="messages-tr messages-footer-row" style={rowStyle(start)}>
      <div role="cell" className="messages-td messages-footer-cell" aria-colspan={colCount}>
        {children}
      </div>
    </div>
  );
}
