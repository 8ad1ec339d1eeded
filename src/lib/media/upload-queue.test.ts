import { describe, expect, it } from 'vitest';
import type { UploadProgress } from '@/lib/api/uploads';
import { checkBytes, type CheckedFile } from './file-check';
import type { TransferRequest, TransferResult } from './transfer';
import { MAX_PARALLEL_UPLOADS, UploadQueue, percentOf, type UploadItem } from './upload-queue';

const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Call {
  request: TransferRequest;
  resolve: (result: TransferResult) => void;
  reject: (error: unknown) => void;
}

/** A transfer that waits until the test settles it, and a clock the test moves. */
function harness() {
  const calls: Call[] = [];
  const done: UploadItem[] = [];
  let clock = 0;
  const queue = new UploadQueue({
    now: () => clock,
    transfer: (request) =>
      new Promise<TransferResult>((resolve, reject) => {
        calls.push({ request, resolve, reject });
        request.signal.addEventListener('abort', () => {
          reject(new Error('aborted'));
        });
      }),
    describeError: (error) => (error instanceof Error ? `Failed: ${error.message}` : 'Failed'),
    onDone: (item) => done.push(item),
  });
  const file = (name: string, size = 1000): { file: File; check: CheckedFile } => ({
    file: new File([PNG_HEAD], name),
    check: checkBytes(name, size, PNG_HEAD),
  });
  const statuses = () => queue.getSnapshot().map((item) => item.status);
  const tick = (ms: number) => {
    clock += ms;
  };
  const progress = (call: Call | undefined, value: UploadProgress) => {
    call?.request.onAttempt?.(1);
    call?.request.onProgress(value);
  };
  return { queue, calls, done, file, statuses, tick, progress };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('UploadQueue', () => {
  it('runs at most three at once and starts the rest in order', async () => {
    const { queue, calls, file, statuses } = harness();
    queue.add(['a.png', 'b.png', 'c.png', 'd.png', 'e.png'].map((name) => file(name)));
    expect(MAX_PARALLEL_UPLOADS).toBe(3);
    expect(calls.map((call) => call.request.filename)).toEqual(['a.png', 'b.png', 'c.png']);
    expect(statuses()).toEqual(['uploading', 'uploading', 'uploading', 'queued', 'queued']);

    calls[1]?.resolve({ mediaUrl: 'https://m/b', attempts: 1 });
    await settle();
    expect(calls.map((call) => call.request.filename)).toEqual([
      'a.png',
      'b.png',
      'c.png',
      'd.png',
    ]);
    expect(statuses()).toEqual(['uploading', 'done', 'uploading', 'uploading', 'queued']);
  });

  it('never sends a refused file, and says why', () => {
    const { queue, calls, file } = harness();
    queue.add([file('empty.png', 0), file('ok.png')]);
    expect(calls).toHaveLength(1);
    const [refused] = queue.getSnapshot();
    expect(refused?.status).toBe('refused');
    expect(refused?.check.ok).toBe(false);
  });

  it('sends the sniffed type, the safe name and the channel chosen when added', () => {
    const { queue, calls, file } = harness();
    queue.add([file('../x/\u202eshot')], 'channel-1');
    queue.add([file('b.png')]);
    expect(calls[0]?.request).toMatchObject({
      contentType: 'image/png',
      filename: 'shot',
      channelId: 'channel-1',
    });
    expect(calls[1]?.request.channelId).toBeNull();
  });

  it('reports progress with percentage, speed and time left', () => {
    const { queue, calls, tick, progress } = harness();
    queue.add([harness().file('a.png', 10_000)]);
    const call = calls[0];
    expect(queue.getSnapshot()[0]?.phase).toBe('presigning');
    progress(call, { loaded: 0, total: 10_000 });
    tick(1000);
    call?.request.onProgress({ loaded: 2500, total: 10_000 });
    const item = queue.getSnapshot()[0];
    expect(item).toMatchObject({
      phase: 'sending',
      loaded: 2500,
      total: 10_000,
      bytesPerSecond: 2500,
      secondsLeft: 3,
    });
    if (item) expect(percentOf(item)).toBe(25);
  });

  it('finishes with the media URL and tells onDone', async () => {
    const { queue, calls, done, file } = harness();
    queue.add([file('a.png')]);
    calls[0]?.resolve({ mediaUrl: 'https://m/a', attempts: 2 });
    await settle();
    const item = queue.getSnapshot()[0];
    expect(item).toMatchObject({ status: 'done', mediaUrl: 'https://m/a', attempt: 2 });
    if (item) expect(percentOf(item)).toBe(100);
    expect(done.map((each) => each.mediaUrl)).toEqual(['https://m/a']);
  });

  it('cancels a moving upload through its signal and starts the next', async () => {
    const { queue, calls, file, statuses } = harness();
    queue.add(['a.png', 'b.png', 'c.png', 'd.png'].map((name) => file(name)));
    const first = queue.getSnapshot()[0];
    queue.cancel(first?.id ?? '');
    expect(calls[0]?.request.signal.aborted).toBe(true);
    expect(statuses()).toEqual(['cancelled', 'uploading', 'uploading', 'uploading']);
    await settle();
    // The aborted transfer's rejection does not turn the row into a failure.
    expect(statuses()[0]).toBe('cancelled');
  });

  it('cancels a waiting upload without ever starting it', () => {
    const { queue, calls, file, statuses } = harness();
    queue.add(['a.png', 'b.png', 'c.png', 'd.png'].map((name) => file(name)));
    queue.cancel(queue.getSnapshot()[3]?.id ?? '');
    calls[0]?.resolve({ mediaUrl: 'x', attempts: 1 });
    expect(statuses()[3]).toBe('cancelled');
    expect(calls).toHaveLength(3);
  });

  it('shows a failure and retries it at the end of the line', async () => {
    const { queue, calls, file, statuses } = harness();
    queue.add([file('a.png')]);
    calls[0]?.reject(new Error('The Perch server could not be reached.'));
    await settle();
    const failed = queue.getSnapshot()[0];
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'Failed: The Perch server could not be reached.',
    });
    queue.retry(failed?.id ?? '');
    expect(statuses()).toEqual(['uploading']);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve({ mediaUrl: 'https://m/a', attempts: 1 });
    await settle();
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'done', error: undefined });
  });

  it('a retried row keeps its place but waits behind those already waiting', async () => {
    const { queue, calls, file, statuses } = harness();
    queue.add(['a.png', 'b.png', 'c.png', 'd.png'].map((name) => file(name)));
    calls[0]?.reject(new Error('dropped'));
    await settle();
    // d.png took a's place among the three moving.
    expect(calls.map((call) => call.request.filename)).toEqual([
      'a.png',
      'b.png',
      'c.png',
      'd.png',
    ]);
    queue.add([file('e.png')]);
    queue.retry(queue.getSnapshot()[0]?.id ?? '');
    expect(statuses()).toEqual(['queued', 'uploading', 'uploading', 'uploading', 'queued']);
    calls[1]?.resolve({ mediaUrl: 'b', attempts: 1 });
    await settle();
    // e.png was waiting first; a.png goes after it.
    expect(calls.at(-1)?.request.filename).toBe('e.png');
    calls[2]?.resolve({ mediaUrl: 'c', attempts: 1 });
    await settle();
    expect(calls.at(-1)?.request.filename).toBe('a.png');
    expect(queue.getSnapshot().map((item) => item.check.displayName)).toEqual([
      'a.png',
      'b.png',
      'c.png',
      'd.png',
      'e.png',
    ]);
  });

  it('retries a cancelled upload too, but never a done or moving one', async () => {
    const { queue, calls, file, statuses } = harness();
    queue.add([file('a.png'), file('b.png')]);
    const [a, b] = queue.getSnapshot();
    queue.cancel(a?.id ?? '');
    queue.retry(b?.id ?? '');
    expect(calls).toHaveLength(2);
    queue.retry(a?.id ?? '');
    expect(statuses()).toEqual(['uploading', 'uploading']);
    expect(calls).toHaveLength(3);
    calls[2]?.resolve({ mediaUrl: 'x', attempts: 1 });
    await settle();
    queue.retry(a?.id ?? '');
    expect(calls).toHaveLength(3);
  });

  it('removes finished rows only, and cancelAll stops everything', () => {
    const { queue, calls, file, statuses } = harness();
    queue.add([file('empty.png', 0), file('a.png'), file('b.png'), file('c.png'), file('d.png')]);
    const [refused, moving] = queue.getSnapshot();
    queue.remove(moving?.id ?? '');
    queue.remove(refused?.id ?? '');
    expect(statuses()).toEqual(['uploading', 'uploading', 'uploading', 'queued']);
    queue.cancelAll();
    expect(statuses()).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(calls.every((call) => call.request.signal.aborted)).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('gives the same snapshot until something changes, and tells subscribers', () => {
    const { queue, file } = harness();
    let heard = 0;
    const unsubscribe = queue.subscribe(() => {
      heard += 1;
    });
    const before = queue.getSnapshot();
    expect(queue.getSnapshot()).toBe(before);
    queue.add([file('a.png')]);
    expect(queue.getSnapshot()).not.toBe(before);
    expect(heard).toBe(1);
    unsubscribe();
    queue.cancelAll();
    expect(heard).toBe(1);
  });
});

describe('percentOf', () => {
  it('stays below 100 until done, and is 0 without a total', () => {
    expect(percentOf({ status: 'uploading', loaded: 999, total: 1000 })).toBe(99);
    expect(percentOf({ status: 'uploading', loaded: 1000, total: 1000 })).toBe(99);
    expect(percentOf({ status: 'uploading', loaded: 10, total: undefined })).toBe(0);
    expect(percentOf({ status: 'done', loaded: 0, total: undefined })).toBe(100);
  });
});
