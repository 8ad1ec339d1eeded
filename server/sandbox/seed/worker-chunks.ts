import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import type { PreparedChunk } from './chunks';
import type { SeedContext } from './generate';

/**
 * Generating and serialising seed rows costs about as much CPU as inserting them, so big
 * seeds make them in a worker thread while this thread inserts. `seedMessages` is
 * synchronous (the sandbox seeds before it serves), so this side blocks on `Atomics.wait`
 * and takes chunks with `receiveMessageOnPort` — no event loop needed.
 */

export interface SeedJob {
  count: number;
  context: SeedContext;
  seed: number;
  chunkSize: number;
}

export interface SeedWorkerData {
  job: SeedJob;
  port: MessagePort;
  signal: Int32Array;
}

/** Slots of the shared signal array. */
export const SIGNAL = { produced: 0, consumed: 1, ready: 2 } as const;

/** How long the worker may take to load (TypeScript is compiled on the fly). */
const READY_TIMEOUT_MS = 30_000;
/** How long one chunk may take before the worker counts as stuck. */
const CHUNK_TIMEOUT_MS = 120_000;

// Loads the worker's TypeScript through tsx, as the rest of the server is loaded.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => { api.register(); return import(workerData.entry); });
`;

type WorkerMessage = { chunk: string } | { done: true } | { error: string };

/**
 * The prepared chunks of `job`, made by a worker thread; `undefined` when no worker can be
 * started here (e.g. under a test runner without tsx), and the caller generates inline.
 */
export function workerChunks(job: SeedJob): Iterable<PreparedChunk> | undefined {
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const signal = new Int32Array(new SharedArrayBuffer(4 * 3));
  const { port1, port2 } = new MessageChannel();
  const data: Omit<SeedWorkerData, 'port'> & { port: MessagePort; tsx: string; entry: string } = {
    job,
    port: port2,
    signal,
    tsx,
    entry: new URL('./seed-worker.ts', import.meta.url).href,
  };
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: data, transferList: [port2] });
  worker.unref();
  // Errors surface through the port or the timeouts; the event would only reach an idle loop.
  worker.on('error', () => undefined);
  if (Atomics.wait(signal, SIGNAL.ready, 0, READY_TIMEOUT_MS) === 'timed-out') {
    void worker.terminate();
    port1.close();
    return undefined;
  }
  return consume(worker, port1, signal);
}

function* consume(worker: Worker, port: MessagePort, signal: Int32Array): Generator<PreparedChunk> {
  try {
    for (;;) {
      const seen = Atomics.load(signal, SIGNAL.produced);
      const received = receiveMessageOnPort(port);
      if (received === undefined) {
        if (Atomics.wait(signal, SIGNAL.produced, seen, CHUNK_TIMEOUT_MS) === 'timed-out') {
          throw new Error('the seed worker stopped producing');
        }
        continue;
      }
      const message = received.message as WorkerMessage;
      if ('error' in message) throw new Error(`seed worker failed: ${message.error}`);
      if ('done' in message) return;
      const chunk = JSON.parse(message.chunk) as PreparedChunk;
      Atomics.add(signal, SIGNAL.consumed, 1);
      Atomics.notify(signal, SIGNAL.consumed);
      yield chunk;
    }
  } finally {
    port.close();
    void worker.terminate();
  }
}
