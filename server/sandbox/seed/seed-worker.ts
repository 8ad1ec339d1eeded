import { workerData } from 'node:worker_threads';
import { preparedChunks } from './chunks';
import { generateSeed } from './generate';
import { SIGNAL, type SeedWorkerData } from './worker-chunks';

/**
 * The seed's generator thread: makes the prepared chunks and posts each as one JSON string,
 * staying at most a few chunks ahead of the thread that inserts them.
 */
const { job, port, signal } = workerData as SeedWorkerData;
Atomics.store(signal, SIGNAL.ready, 1);
Atomics.notify(signal, SIGNAL.ready);
try {
  let produced = 0;
  for (const chunk of preparedChunks(
    generateSeed(job.count, job.context, job.seed),
    job.chunkSize,
  )) {
    for (;;) {
      const consumed = Atomics.load(signal, SIGNAL.consumed);
      if (produced - consumed < 3) break;
      Atomics.wait(signal, SIGNAL.consumed, consumed, 1000);
    }
    port.postMessage({ chunk: JSON.stringify(chunk) });
    produced += 1;
    Atomics.add(signal, SIGNAL.produced, 1);
    Atomics.notify(signal, SIGNAL.produced);
  }
  port.postMessage({ done: true });
} catch (error) {
  port.postMessage({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
} finally {
  Atomics.add(signal, SIGNAL.produced, 1);
  Atomics.notify(signal, SIGNAL.produced);
}
