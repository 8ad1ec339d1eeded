import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
} from '@tanstack/react-table';
import { StatusBadge } from '@/components/status-badge';
import { Timestamp } from '@/components/timestamp';
import type { Message } from '@/lib/bird/message';
import { recipientsOf, senderOf } from '../utils/message-fields';
import { ChannelCell, ContentCell, DirectionCell, PartyCell, TagsCell } from './message-cells';

export const messageTableFeatures = tableFeatures({
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
});

const helper = createColumnHelper<typeof messageTableFeatures, Message>();

/** The list's columns, defined once. `content` holds the row's link and cannot be hidden. */
export const MESSAGE_COLUMNS = helper.columns([
  helper.accessor('createdAt', {
    header: 'Created',
    size: 205,
    minSize: 120,
    cell: (info) => <Timestamp value={info.getValue()} display="absolute" />,
  }),
  helper.accessor('direction', {
    header: 'Direction',
    size: 110,
    minSize: 80,
    cell: (info) => <DirectionCell direction={info.getValue()} />,
  }),
  helper.accessor('channelId', {
    id: 'channel',
    header: 'Channel',
    size: 180,
    minSize: 90,
    cell: (info) => <ChannelCell channelId={info.getValue()} />,
  }),
  helper.accessor((message) => senderOf(message), {
    id: 'from',
    header: 'From',
    size: 170,
    minSize: 80,
    cell: (info) => (
      <PartyCell
        values={[info.getValue()]}
        isContact={info.row.original.direction === 'incoming'}
      />
    ),
  }),
  helper.accessor((message) => recipientsOf(message), {
    id: 'to',
    header: 'To',
    size: 170,
    minSize: 80,
    cell: (info) => (
      <PartyCell values={info.getValue()} isContact={info.row.original.direction === 'outgoing'} />
    ),
  }),
  helper.display({
    id: 'content',
    header: 'Content',
    size: 320,
    minSize: 120,
    enableHiding: false,
    cell: (info) => <ContentCell message={info.row.original} />,
  }),
  helper.accessor('status', {
    header: 'Status',
    size: 230,
    minSize: 110,
    cell: (info) => (
      <>
        <StatusBadge status={info.getValue()} />
        <Timestamp value={info.row.original.lastStatusAt} />
      </>
    ),
  }),
  helper.accessor('tags', {
    header: 'Tags',
    size: 160,
    minSize: 70,
    cell: (info) => <TagsCell tags={info.getValue()} />,
  }),
  helper.accessor('reference', {
    header: 'Reference',
    size: 150,
    minSize: 70,
    cell: (info) => info.getValue(),
  }),
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
