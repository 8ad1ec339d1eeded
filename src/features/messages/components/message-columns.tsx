import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
} from '@tanstack/react-table';
import type { Message } from '@/lib/bird/message';

export const messageTableFeatures = tableFeatures({
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
});

const helper = createColumnHelper<typeof messageTableFeatures, Message>();

/**
 * The list's columns, defined once: their headers, widths, and whether they can be hidden
 * (`content` holds the row's link and cannot). What a cell shows is `messageCell`
 * (message-cells.tsx), called by the row without a component per cell.
 */
export const MESSAGE_COLUMNS = helper.columns([
  helper.display({ id: 'createdAt', header: 'Created', size: 205, minSize: 120 }),
  helper.display({ id: 'direction', header: 'Direction', size: 110, minSize: 80 }),
  helper.display({ id: 'channel', header: 'Channel', size: 180, minSize: 90 }),
  helper.display({ id: 'from', header: 'From', size: 170, minSize: 80 }),
  helper.display({ id: 'to', header: 'To', size: 170, minSize: 80 }),
  helper.display({
    id: 'content',
    header: 'Content',
    size: 320,
    minSize: 120,
    enableHiding: false,
  }),
  helper.display({ id: 'status', header: 'Status', size: 230, minSize: 110 }),
  helper.display({ id: 'tags', header: 'Tags', size: 160, minSize: 70 }),
  helper.display({ id: 'reference', header: 'Reference', size: 150, minSize: 70 }),
]);

export const MESSAGE_COLUMN_IDS = [
  'createdAt',
  'direction',
  'channel',
  'from',
  'to',
  'content',
  'status',
  'tags',
  'reference',
] as const;
export type MessageColumnId = (typeof MESSAGE_COLUMN_IDS)[number];

export function isMessageColumnId(id: string): id is MessageColumnId {
  return (MESSAGE_COLUMN_IDS as readonly string[]).includes(id);
}

export const MESSAGE_COLUMN_LABELS: Readonly<Record<MessageColumnId, string>> = {
  createdAt: 'Created',
  direction: 'Direction',
  channel: 'Channel',
  from: 'From',
  to: 'To',
  content: 'Content',
  status: 'Status',
  tags: 'Tags',
  reference: 'Reference',
};
