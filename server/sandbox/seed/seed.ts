import type { Clock } from '../../clock';
import type { Database } from '../db/open-database';
import { createStore } from '../store';
import type { SandboxStore } from '../store/types';
import { ensureWorkspace } from '../store/workspace';
import { withBulkLoadSettings } from './bulk-load';
import { preparedChunks, type PreparedChunk } from './chunks';
import { generateSeed } from './generate';
import { workerChunks } from './worker-chunks';

export interface SeedOptions {
  db: Database;
  clock: Clock;
  /** How many messages to add. */
  count: number;
  /** The stores over `db`, when the caller has them already. */
  store?: SandboxStore | undefined;
  /** The workspace id (read from the database when absent). */
  workspaceId?: string | undefined;
  /** PRNG seed; default depends only on how many messages the database already holds. */
  seed?: number | undefined;
  /** Messages per transaction (default 10,000). */
  chunkSize?: number | undefined;
  /**
   * Generate in a worker thread (default: for 100,000 messages or more). The data is the
   * same either way; without tsx to load the worker, generation stays in this thread.
   */
  worker?: boolean | undefined;
  /** Called after every committed chunk (e.g. {@link stderrProgress}); tests pass nothing. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Messages per transaction: large enough to amortise commits, small enough to report progress. */
const DEFAULT_CHUNK = 10_000;
/** From this many messages on, a worker thread generates while this one inserts. */
const WORKER_THRESHOLD = 100_000;
const BASE_SEED = 0x5eed;

/**
 * Adds `count` generated messages (with interactions, and transitions for those still
 * scheduled) over the 30 days before `clock.now()`, in transactions of `chunkSize`.
 * Deterministic: an empty database seeded with the same `count` at the same clock time gets
 * the same messages. Returns how many were added. Refreshes the planner's statistics at the
 * end, so list queries choose the right index for the new data.
 */
export function seedMessages(options: SeedOptions): number {
  const { db, clock, count } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number');
  if (count === 0) return 0;
  const store = options.store ?? createStore(db);
  const workspace = ensureWorkspace(db, clock);
  const existing = store.messages.count();
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const job = {
    count,
    context: {
      workspaceId: options.workspaceId ?? workspace.id,
      channels: workspace.channels,
      now: clock.now(),
    },
    seed: options.seed ?? BASE_SEED + existing,
    chunkSize,
  };
  const write = db.transaction((chunk: PreparedChunk) => {
    store.messages.insertPrepared(chunk.messages);
    store.interactions.insertPrepared(chunk.interactions);
    for (const transition of chunk.transitions) store.transitions.schedule(transition);
  });

  return withBulkLoadSettings(db, existing === 0, () => {
    const inThread = !(options.worker ?? count >= WORKER_THRESHOLD);
    const chunks =
      (inThread ? undefined : workerChunks(job)) ??
      preparedChunks(generateSeed(job.count, job.context, job.seed), chunkSize);
    let done = 0;
    for (const chunk of chunks) {
      write(chunk);
      done += chunk.messages.length;
      options.onProgress?.(done, count);
    }
    db.pragma('analysis_limit = 1000');
    db.exec('ANALYZE');
    return done;
  });
}
