import type { CheckedFile } from './file-check';
import { RateMeter } from './rate-meter';
import type { Transfer } from './transfer';

/**
 * The upload queue: files in the order they came, at most {@link MAX_PARALLEL_UPLOADS}
 * moving at once, the rest waiting their turn. Each item can be cancelled (waiting or
 * moving), and retried after a failure or a cancel. No React here: the queue is an external
 * store (`subscribe` + `getSnapshot`), so a hook can read it with `useSyncExternalStore`
 * and tests can drive it with a fake transfer and clock.
 */

export const MAX_PARALLEL_UPLOADS = 3;

export type UploadStatus = 'refused' | 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  /** Unique within the queue. */
  id: string;
  file: File;
  check: CheckedFile;
  /** The channel it is presigned for (chosen when it was added); `null`: channel-media. */
  channelId: string | null;
  status: UploadStatus;
  /** While uploading: asking for the presigned form, or sending the file. */
  phase: 'presigning' | 'sending' | undefined;
  /** Form bytes sent, and the form's size when known (the file plus its few fields). */
  loaded: number;
  total: number | undefined;
  bytesPerSecond: number | undefined;
  secondsLeft: number | undefined;
  /** 1, or 2 after an automatic new presign. */
  attempt: number;
  /** Why it failed (status `failed`) — what an operator reads. */
  error: string | undefined;
  /** Once done: the media URL the upstream gave (E11). */
  mediaUrl: string | undefined;
}

export interface UploadQueueOptions {
  transfer: Transfer;
  /** Milliseconds, monotonic; `performance.now` by default. */
  now?: () => number;
  concurrency?: number;
  /** What an operator reads for a failed upload. */
  describeError?: (error: unknown) => string;
  /** Called once per finished upload, after the item shows as done. */
  onDone?: (item: UploadItem) => void;
}

interface Running {
  controller: AbortController;
  meter: RateMeter;
}

/** Thrown into an upload's signal when the operator cancels it. */
export class UploadCancelledError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The upload was cancelled');
  }
}

const defaultDescribe = (error: unknown): string =>
  error instanceof Error && error.message !== '' ? error.message : 'The upload failed.';

export class UploadQueue {
  readonly #transfer: Transfer;
  readonly #now: () => number;
  readonly #concurrency: number;
  readonly #describe: (error: unknown) => string;
  readonly #onDone: ((item: UploadItem) => void) | undefined;
  readonly #running = new Map<string, Running>();
  readonly #listeners = new Set<() => void>();
  #items: readonly UploadItem[] = [];
  #nextId = 1;
  /** When each waiting item joined the line; a retry joins again at the end. */
  readonly #turns = new Map<string, number>();
  #nextTurn = 1;

  constructor(options: UploadQueueOptions) {
    this.#transfer = options.transfer;
    this.#now = options.now ?? (() => performance.now());
    this.#concurrency = Math.max(1, options.concurrency ?? MAX_PARALLEL_UPLOADS);
    this.#describe = options.describeError ?? defaultDescribe;
    this.#onDone = options.onDone;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The items, oldest first; a new array after every change, the same one otherwise. */
  getSnapshot = (): readonly UploadItem[] => this.#items;

  /** Adds checked files in order: refused ones as such, the rest to wait their turn. */
  add(
    entries: readonly { file: File; check: CheckedFile }[],
    channelId: string | null = null,
  ): string[] {
    const added = entries.map(({ file, check }): UploadItem => ({
      id: `upload-${this.#nextId++}`,
      file,
      check,
      channelId,
      status: check.ok ? 'queued' : 'refused',
      phase: undefined,
      loaded: 0,
      total: undefined,
      bytesPerSecond: undefined,
      secondsLeft: undefined,
      attempt: 0,
      error: undefined,
      mediaUrl: undefined,
    }));
    if (added.length === 0) return [];
    for (const item of added) this.#turns.set(item.id, this.#nextTurn++);
    this.#items = [...this.#items, ...added];
    this.#pump();
    this.#emit();
    return added.map((item) => item.id);
  }

  /** Stops a waiting or moving upload; what was sent is discarded by the upstream. */
  cancel(id: string): void {
    const item = this.#find(id);
    if (item?.status !== 'queued' && item?.status !== 'uploading') return;
    const running = this.#running.get(id);
    this.#running.delete(id);
    this.#update(id, {
      status: 'cancelled',
      phase: undefined,
      bytesPerSecond: undefined,
      secondsLeft: undefined,
    });
    running?.controller.abort(new UploadCancelledError());
    this.#pump();
    this.#emit();
  }

  /**
   * Puts a failed or cancelled upload back in line, behind those already waiting, with a
   * fresh presign. Its row stays where it is.
   */
  retry(id: string): void {
    const item = this.#find(id);
    if (item?.status !== 'failed' && item?.status !== 'cancelled') return;
    this.#turns.set(id, this.#nextTurn++);
    this.#update(id, {
      status: 'queued',
      loaded: 0,
      total: undefined,
      error: undefined,
      attempt: 0,
    });
    this.#pump();
    this.#emit();
  }

  /** Forgets a row that is not moving (refused, done, failed or cancelled). */
  remove(id: string): void {
    const item = this.#find(id);
    if (item === undefined || item.status === 'queued' || item.status === 'uploading') return;
    this.#items = this.#items.filter((other) => other.id !== id);
    this.#turns.delete(id);
    this.#emit();
  }

  /** Cancels everything waiting or moving (the component using the queue went away). */
  cancelAll(): void {
    const running = [...this.#running.values()];
    this.#running.clear();
    const stopped: Partial<UploadItem> = {
      status: 'cancelled',
      phase: undefined,
      bytesPerSecond: undefined,
      secondsLeft: undefined,
    };
    this.#items = this.#items.map((item) =>
      item.status === 'queued' || item.status === 'uploading' ? { ...item, ...stopped } : item,
    );
    for (const { controller } of running) controller.abort(new UploadCancelledError());
    this.#emit();
  }

  #find(id: string): UploadItem | undefined {
    return this.#items.find((item) => item.id === id);
  }

  #update(id: string, patch: Partial<UploadItem>): UploadItem | undefined {
    let updated: UploadItem | undefined;
    this.#items = this.#items.map((item) => {
      if (item.id !== id) return item;
      updated = { ...item, ...patch };
      return updated;
    });
    return updated;
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /** Starts waiting items in the order they joined, while fewer than the limit are moving. */
  #pump(): void {
    const turn = (item: UploadItem) => this.#turns.get(item.id) ?? 0;
    const waiting = this.#items
      .filter((item) => item.status === 'queued')
      .sort((a, b) => turn(a) - turn(b));
    for (const item of waiting) {
      if (this.#running.size >= this.#concurrency) return;
      this.#start(item);
    }
  }

  #start(item: UploadItem): void {
    if (!item.check.ok || this.#running.has(item.id)) return;
    const controller = new AbortController();
    const meter = new RateMeter();
    const running: Running = { controller, meter };
    this.#running.set(item.id, running);
    this.#update(item.id, { status: 'uploading', phase: 'presigning', attempt: 1 });
    const isCurrent = () => this.#running.get(item.id) === running;

    this.#transfer({
      file: item.file,
      contentType: item.check.contentType,
      channelId: item.channelId,
      filename: item.check.displayName,
      signal: controller.signal,
      onAttempt: (attempt) => {
        if (!isCurrent()) return;
        meter.reset(this.#now());
        this.#update(item.id, {
          phase: 'sending',
          attempt,
          loaded: 0,
          bytesPerSecond: undefined,
          secondsLeft: undefined,
        });
        this.#emit();
      },
      onProgress: ({ loaded, total }) => {
        if (!isCurrent()) return;
        meter.sample(this.#now(), loaded);
        this.#update(item.id, {
          phase: 'sending',
          loaded,
          total,
          bytesPerSecond: meter.bytesPerSecond(),
          secondsLeft: meter.secondsLeft(total),
        });
        this.#emit();
      },
    }).then(
      ({ mediaUrl, attempts }) => {
        if (!isCurrent()) return;
        this.#running.delete(item.id);
        const current = this.#find(item.id);
        const total = current?.total ?? item.check.size;
        const done = this.#update(item.id, {
          status: 'done',
          phase: undefined,
          loaded: total,
          total,
          secondsLeft: undefined,
          attempt: attempts,
          mediaUrl,
        });
        this.#pump();
        this.#emit();
        if (done) this.#onDone?.(done);
      },
      (error: unknown) => {
        if (!isCurrent()) return;
        this.#running.delete(item.id);
        this.#update(item.id, {
          status: 'failed',
          phase: undefined,
          bytesPerSecond: undefined,
          secondsLeft: undefined,
          error: this.#describe(error),
        });
        this.#pump();
        this.#emit();
      },
    );
  }
}

/** Percentage sent, 0–100, whole numbers; 100 only once done. */
export function percentOf(item: Pick<UploadItem, 'status' | 'loaded' | 'total'>): number {
  if (item.status === 'done') return 100;
  if (item.total === undefined || item.total <= 0) return 0;
  return Math.min(99, Math.floor((item.loaded / item.total) * 100));
}
