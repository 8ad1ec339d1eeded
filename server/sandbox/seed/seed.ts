import type { Clock } from '../../clock';
import type { Database } from '../db/open-database';
import { createStore } from '../store';
import type { SandboxStore } from '../store/types';
import { ensureWorkspace } from '../store/workspace';
import { withBulkLoadSettings } from './bulk-load';
import { generateSeed, type SeededMessage } from './generate';

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
  /** Called after every committed chunk (e.g. {@link stderrProgress}); tests pass nothing. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Messages per transaction: large enough to amortise commits, small enough to report progress. */
const DEFAULT_CHUNK = 10_000;
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
  const seed = options.seed ?? BASE_SEED + existing;
  const generated = generateSeed(
    count,
    {
      workspaceId: options.workspaceId ?? workspace.id,
      channels: workspace.channels,
      now: clock.now(),
    },
    seed,
  );

  const write = db.transaction((chunk: readonly SeededMessage[]) => {
    for (const item of chunk) {
      store.messages.insert(item.message);
      for (const interaction of item.interactions) store.interactions.insert(interaction);
      for (const transition of item.transitions) store.transitions.schedule(transition);
    }
  });

  return withBulkLoadSettings(db, existing === 0, () =>
    insertAll(generated, write, count, options.chunkSize ?? DEFAULT_CHUNK, options.onProgress, db),
  );
}

function insertAll(
  generated: Iterable<SeededMessage>,
  write: (chunk: readonly SeededMessage[]) => void,
  count: number,
  chunkSize: number,
  onProgress: SeedOptions['onProgress'],
  db: Database,
): number {
  let done = 0;
  let chunk: SeededMessage[] = [];
  for (const item of generated) {
    chunk.push(item);
    if (chunk.length === chunkSize) {
      write(chunk);
      done += chunk.length;
      chunk = [];
      onProgress?.(done, count);
    }
  }
  if (chunk.length > 0) {
    write(chunk);
    done += chunk.length;
    onProgress?.(done, count);
  }
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE');
  return done;
}
