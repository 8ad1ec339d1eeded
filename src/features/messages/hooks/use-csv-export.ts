import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api/errors';
import { fetchChannelMessages, fetchWorkspaceMessages } from '@/lib/api/messages';
import type { Channel } from '@/lib/bird/channel';
import { nextPageTokenOf } from '@/lib/bird/common';
import { MESSAGE_PAGE_SIZE } from '@/lib/bird/decisions';
import type { Message } from '@/lib/bird/message';
import type { MessageListFilters } from '@/lib/bird/message-list-query';
import { CSV_ROW_LIMIT, messagesToCsv } from '../utils/messages-csv';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; rows: number; waitingSeconds?: number }
  | { status: 'done'; rows: number; limited: boolean; fileName: string }
  | { status: 'cancelled'; rows: number }
  | { status: 'failed'; rows: number; message: string };

const MAX_RATE_LIMIT_WAITS = 10;

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
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
    const rows: Message[] = [];
    setState({ status: 'running', rows: 0 });
    let pageToken: string | undefined;
    let waits = 0;
    try {
      do {
        const page = { limit: MESSAGE_PAGE_SIZE.max, pageToken };
        let list;
        try {
          list =
            channelId === undefined
              ? await fetchWorkspaceMessages(workspaceId, filters, page, signal)
              : await fetchChannelMessages(workspaceId, channelId, filters, page, signal);
        } catch (error) {
          if (error instanceof ApiError && error.status === 429 && waits < MAX_RATE_LIMIT_WAITS) {
            waits += 1;
            const seconds = error.retryAfter ?? 1;
            setState({ status: 'running', rows: rows.length, waitingSeconds: seconds });
            await wait(seconds * 1000, signal);
            continue;
          }
          throw error;
        }
        rows.push(...list.results.slice(0, CSV_ROW_LIMIT - rows.length));
        pageToken = nextPageTokenOf(list);
        setState({ status: 'running', rows: rows.length });
      } while (pageToken !== undefined && rows.length < CSV_ROW_LIMIT);

      const limited = pageToken !== undefined;
      const fileName = `perch-messages-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`;
      download(
        messagesToCsv(rows, (id) => channels.get(id)),
        fileName,
      );
      setState({ status: 'done', rows: rows.length, limited, fileName });
    } catch (error) {
      if (signal.aborted) {
        setState({ status: 'cancelled', rows: rows.length });
        return;
      }
      setState({
        status: 'failed',
        rows: rows.length,
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
