import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Clock, systemClock } from '../clock';
import { type Database, openDatabase } from './db/open-database';
import { constantTimeEqual } from './http/auth';
import { MessageAcceptor } from './lifecycle/accept';
import { applyTransition } from './lifecycle/apply';
import { Scheduler } from './lifecycle/scheduler';
import { SandboxMedia } from './media/sandbox-media';
import { seedMessages } from './seed/seed';
import { createStore, ensureWorkspace, getOrCreateAccessKey, type SandboxStore } from './store';

export interface SandboxOptions {
  /** Folder of the database and media; `':memory:'` keeps the database in memory. */
  dataDir: string;
  /** `systemClock`, or a `ManualClock` that only `clock/advance` moves. */
  clock: Clock;
  /** The access key; when absent, the stored one (generated on first start). */
  accessKey?: string | undefined;
  /** A second key that may only read (every POST → 403). */
  readOnlyKey?: string | undefined;
  /** Bird's per-workspace rate limits (50 GET/s, 500 POST/s); default on. */
  rateLimits?: boolean | undefined;
  /**
   * The clock rate-limit windows are counted on: the system clock by default, even when the
   * lifecycle runs on a manual clock — a frozen test clock must not freeze a request budget.
   */
  rateLimitClock?: Clock | undefined;
  /** Messages to seed when the database holds none (Perch: 5000); default 0. */
  seedOnEmpty?: number | undefined;
  /** Told how the first-start seed goes (the entry points draw a progress bar on stderr). */
  onSeedProgress?: ((done: number, total: number) => void) | undefined;
  /** Told about failures of the background scheduler (they never reach a client). */
  onError?: ((error: unknown) => void) | undefined;
}

/** A running sandbox: its workspace, keys, clock, data and scheduler. */
export interface Sandbox {
  readonly workspaceId: string;
  readonly accessKey: string;
  readonly readOnlyKey: string | undefined;
  readonly clock: Clock;
  readonly rateLimits: boolean;
  readonly rateLimitClock: Clock;
  readonly dataDir: string;
  readonly db: Database;
  readonly store: SandboxStore;
  readonly media: SandboxMedia;
  readonly scheduler: Scheduler;
  /** Stores new outgoing messages (E3, E4) by group commit, with the scheduler's catch-up. */
  readonly acceptor: MessageAcceptor;
  /** Wipes messages, interactions, transitions and media; keeps workspace, channels, keys. */
  reset(): void;
  /** Adds `count` generated messages; returns how many were added. */
  seed(count: number): number;
  /** Stops the scheduler and closes the database (idempotent). */
  close(): void;
}

/**
 * Where Perch keeps its in-process sandbox: `<data-dir>/sandbox` (the standalone sandbox's
 * default is `./data/sandbox`, so both share one by default), or memory for `:memory:`.
 */
export function sandboxDataDir(perchDataDir: string): string {
  return perchDataDir === ':memory:' ? ':memory:' : join(perchDataDir, 'sandbox');
}

/** Deletes every message and what hangs off it, in one transaction (`POST _sandbox/reset`). */
function wipeMessages(db: Database): string[] {
  return db
    .transaction((): string[] => {
      const files = db
        .prepare<[], string>("SELECT storage_name FROM media WHERE state = 'stored'")
        .pluck()
        .all();
      db.exec(`
        DELETE FROM interactions;
        DELETE FROM lifecycle_transitions;
        DELETE FROM message_receivers;
        DELETE FROM message_tags;
        INSERT INTO message_subjects (message_subjects) VALUES ('delete-all');
        DELETE FROM messages;
        DELETE FROM media;
      `);
      return files;
    })
    .immediate();
}

/**
 * Opens (or creates) a sandbox: the database and its migrations, the workspace with its
 * channels, the access key, media, and the one scheduler — which first applies whatever
 * fell due while the sandbox was stopped. Seeds an empty database when asked.
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const { clock, dataDir } = options;
  const db = openDatabase(dataDir);
  try {
    const workspace = ensureWorkspace(db, clock);
    const accessKey = getOrCreateAccessKey(db, options.accessKey);
    const readOnlyKey = options.readOnlyKey === '' ? undefined : options.readOnlyKey;
    if (readOnlyKey !== undefined && constantTimeEqual(readOnlyKey, accessKey)) {
      throw new Error('the read-only key must differ from the access key');
    }
    const store = createStore(db);
    const media = new SandboxMedia({
      db,
      clock,
      dataDir,
      workspaceId: workspace.id,
      channels: store.channels,
      messages: store.messages,
    });
    const lifecycle = { workspaceId: workspace.id, store };
    const scheduler = new Scheduler({
      clock,
      transitions: store.transitions,
      apply: (transition) => {
        applyTransition(lifecycle, transition);
      },
      onError: options.onError,
    });
    const acceptor = new MessageAcceptor({ db, store, scheduler });

    let closed = false;
    const sandbox: Sandbox = {
      workspaceId: workspace.id,
      accessKey,
      readOnlyKey,
      clock,
      rateLimits: options.rateLimits ?? true,
      rateLimitClock: options.rateLimitClock ?? systemClock,
      dataDir,
      db,
      store,
      media,
      scheduler,
      acceptor,
      reset() {
        for (const name of wipeMessages(db)) rmSync(media.storage.pathOf(name), { force: true });
      },
      seed(count) {
        return seedMessages({ db, store, clock, workspaceId: workspace.id, count });
      },
      close() {
        if (closed) return;
        closed = true;
        acceptor.flush();
        scheduler.close();
        media.close();
        db.close();
      },
    };

    const seedOnEmpty = options.seedOnEmpty ?? 0;
    if (seedOnEmpty > 0 && store.messages.count() === 0) {
      seedMessages({
        db,
        store,
        clock,
        workspaceId: workspace.id,
        count: seedOnEmpty,
        onProgress: options.onSeedProgress,
      });
    }
    scheduler.start();
    return sandbox;
  } catch (error) {
    db.close();
    throw error;
  }
}
