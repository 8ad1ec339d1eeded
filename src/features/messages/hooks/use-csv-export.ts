import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel } from '@/lib/bird/channel';
import type { MessageListFilters } from '@/lib/bird/message-list-query';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; rows: number; waitingSeconds?: number }
  | { status: 'done'; rows: number; limited: boolean; fileName: string }
  | { status: 'cancelled'; rows: number }
  | { status: 'failed'; rows: number; message: string };

interface ExportOptions {
  workspaceId: string;
  channelId: string | undefined;
  filters: MessageListFilters;
  channels: ReadonlyMap<string, Channel>;
}

/**
 * Exports every message matching the filters to a CSV file (../utils/export-messages-csv):
 * the state of the export, with its progress, and Cancel.
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
      // The export's code, and its CSV writer, load when an export starts.
      const { exportMessagesCsv } = await import('../utils/export-messages-csv');
      const done = await exportMessagesCsv({
        workspaceId,
        channelId,
        filters,
        channels,
        signal,
        onProgress: ({ items, waitingSeconds }) => {
          rows = items;
          setState({ status: 'running', rows: items, waitingSeconds });
        },
      });
      setState({ status: 'done', ...done });
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
