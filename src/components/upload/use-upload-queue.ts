import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { noteSessionLost } from '@/lib/api/session';
import { presignUpload, uploadFile } from '@/lib/api/uploads';
import { checkFile } from '@/lib/media/file-check';
import { createTransfer } from '@/lib/media/transfer';
import { describeUploadError } from '@/lib/media/upload-error';
import { UploadQueue, type UploadItem } from '@/lib/media/upload-queue';

export interface UseUploadQueueOptions {
  workspaceId: string;
  /** Where new files are presigned: a channel id, or `null` for the channel-media alias. */
  channelId: string | null;
  /** Called once for every upload that finished. */
  onDone?: (item: UploadItem) => void;
  /**
   * Forget a row once `onDone` has taken its media (the composer moves finished files into
   * the form, which lists them itself). Default false: the row stays, with its media URL.
   */
  removeDone?: boolean;
}

export interface UploadQueueApi {
  items: readonly UploadItem[];
  /** Checks the files (size, bytes, name) and queues the acceptable ones, in order. */
  addFiles: (files: readonly File[]) => Promise<void>;
  cancel: (id: string) => void;
  retry: (id: string) => void;
  remove: (id: string) => void;
}

/** The hook's latest options, for the queue's callbacks to read when they run. */
class Settings {
  #value: UseUploadQueueOptions;
  constructor(value: UseUploadQueueOptions) {
    this.#value = value;
  }
  get(): UseUploadQueueOptions {
    return this.#value;
  }
  set(value: UseUploadQueueOptions): void {
    this.#value = value;
  }
}

function createQueue(settings: Settings, queryClient: QueryClient): UploadQueue {
  const queue: UploadQueue = new UploadQueue({
    transfer: createTransfer({
      presign: (target, signal) =>
        presignUpload(
          settings.get().workspaceId,
          target.channelId,
          { contentType: target.contentType },
          signal,
        ),
      upload: (presigned, file, options) => uploadFile(presigned, file, options),
    }),
    describeError: (error) => {
      noteSessionLost(queryClient, error);
      return describeUploadError(error);
    },
    onDone: (item) => {
      const { onDone, removeDone = false } = settings.get();
      onDone?.(item);
      if (removeDone) queue.remove(item.id);
    },
  });
  return queue;
}

/**
 * An upload queue for one component's lifetime (the Media page, the composer): files are
 * checked before any request, then presigned and uploaded three at a time. Leaving the
 * component cancels what is still moving.
 */
export function useUploadQueue({
  workspaceId,
  channelId,
  onDone,
  removeDone,
}: UseUploadQueueOptions): UploadQueueApi {
  const queryClient = useQueryClient();
  const [{ queue, settings }] = useState(() => {
    // What the queue's callbacks read when they run; kept current by the effect below.
    const current = new Settings({ workspaceId, channelId, onDone, removeDone });
    return { settings: current, queue: createQueue(current, queryClient) };
  });
  useEffect(() => {
    settings.set({ workspaceId, channelId, onDone, removeDone });
  }, [settings, workspaceId, channelId, onDone, removeDone]);

  useEffect(
    () => () => {
      queue.cancelAll();
    },
    [queue],
  );

  const items = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);

  const addFiles = useCallback(
    async (files: readonly File[]) => {
      const target = settings.get().channelId;
      const checks = await Promise.all(files.map((file) => checkFile(file)));
      queue.add(
        files.flatMap((file, index) => {
          const check = checks[index];
          return check === undefined ? [] : [{ file, check }];
        }),
        target,
      );
    },
    [queue, settings],
  );

  return {
    items,
    addFiles,
    cancel: useCallback(
      (id: string) => {
        queue.cancel(id);
      },
      [queue],
    ),
    retry: useCallback(
      (id: string) => {
        queue.retry(id);
      },
      [queue],
    ),
    remove: useCallback(
      (id: string) => {
        queue.remove(id);
      },
      [queue],
    ),
  };
}
