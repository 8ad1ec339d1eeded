import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchChannelMessages, fetchWorkspaceMessages } from '@/lib/api/messages';
import type { Channel } from '@/lib/bird/channel';
import { MESSAGE_PAGE_SIZE } from '@/lib/bird/decisions';
import type { MessageListFilters } from '@/lib/bird/message-list-query';
import { collectPages } from '../utils/collect-pages';
import { CSV_ROW_LIMIT } from '../utils/csv-row-limit';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; rows: number; waitingSeconds?: number }
  | { status: 'done'; rows: number; limited: boolean; fileName: string }
  | { status: 'cancelled'; rows: number }
  | { status: 'failed'; rows: number; message: string };

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

interface ExportOptions {
  workspaceId: string;
  channelId: string | undefined;
  filters: MessageListFilters;
  channels: ReadonlyMap<string, Channel>;
}

/**
 * Exports every message matching the filters to a CSV file: pages through the cursor 100
 * at a time (the contract's most), waits as asked after a 429, can be cancelled, and stops
 * at {@link CSV_ROW_LIMIT} rows.
 */
export function useCsvExport({ workspaceId, channelId, filters, channels }: ExportOptions) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  const start = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const signal = abort.signal;
    let rows = 0;
    setState({ status: 'running', rows: 0 });
    try {
      const { items, limited } = await collectPages(
        (pageToken, pageSignal) => {
          const page = { limit: MESSAGE_PAGE_SIZE.max, pageToken };
          return channelId === undefined
            ? fetchWorkspaceMessages(workspaceId, filters, page, pageSignal)
            : fetchChannelMessages(workspaceId, channelId, filters, page, pageSignal);
        },
        {
          limit: CSV_ROW_LIMIT,
          signal,
          onProgress: ({ items: loaded, waitingSeconds }) => {
            rows = loaded;
            setState({ status: 'running', rows: loaded, waitingSeconds });
          },
        },
      );
      // The CSV writer (papaparse) loads only when an export is written, not with the list.
      const { messagesToCsv } = await import('../utils/messages-csv');
      signal.throwIfAborted();
      const fileName = `perch-messages-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`;
      download(
        messagesToCsv(items, (id) => channels.get(id)),
        fileName,
      );
      setState({ status: 'done', rows: items.length, limited, fileName });
    } catch (error) {
      if (signal.aborted) {
        setState({ status: 'cancelled', rows });
        return;
      }
      setState({
        status: 'failed',
        rows,
        message: error instanceof Error ? error.message : 'The export failed.',
      });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, [workspaceId, channelId, filters, channels]);

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);

  const dismiss = useCallback(() => {
    setState({ status: 'idle' });
  }, []);

  return { state, start, cancel, dismiss };
}
