import { fetchChannelMessages, fetchWorkspaceMessages } from '@/lib/api/messages';
import type { Channel } from '@/lib/bird/channel';
import { MESSAGE_PAGE_SIZE } from '@/lib/bird/decisions';
import type { MessageListFilters } from '@/lib/bird/message-list-query';
import { collectPages } from './collect-pages';
import { CSV_ROW_LIMIT } from './csv-row-limit';
import { messagesToCsv } from './messages-csv';

export interface ExportRequest {
  workspaceId: string;
  channelId: string | undefined;
  filters: MessageListFilters;
  channels: ReadonlyMap<string, Channel>;
  signal: AbortSignal;
  onProgress: (progress: { items: number; waitingSeconds?: number }) => void;
}

function download(csv: string, fileName: string): void {
  // A byte order mark so that spreadsheet apps read the file as UTF-8.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/**
 * Reads every message matching the filters, 100 a page (the contract's most), waiting as
 * asked after a 429, up to {@link CSV_ROW_LIMIT}, and downloads them as a CSV file. Loaded
 * with its CSV writer (papaparse) when an export starts, not with the list.
 */
export async function exportMessagesCsv({
  workspaceId,
  channelId,
  filters,
  channels,
  signal,
  onProgress,
}: ExportRequest): Promise<{ rows: number; limited: boolean; fileName: string }> {
  const { items, limited } = await collectPages(
    (pageToken, pageSignal) => {
      const page = { limit: MESSAGE_PAGE_SIZE.max, pageToken };
      return channelId === undefined
        ? fetchWorkspaceMessages(workspaceId, filters, page, pageSignal)
        : fetchChannelMessages(workspaceId, channelId, filters, page, pageSignal);
    },
    { limit: CSV_ROW_LIMIT, signal, onProgress },
  );
  signal.throwIfAborted();
  const fileName = `perch-messages-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`;
  download(
    messagesToCsv(items, (id) => channels.get(id)),
    fileName,
  );
  return { rows: items.length, limited, fileName };
}
