import type { OutgoingMessage } from '../../../src/lib/bird/message';
import type { Database } from '../db/open-database';
import type { SandboxStore } from '../store';
import { planTransitions } from './plan';
import type { Scheduler } from './scheduler';

export interface AcceptContext {
  db: Database;
  store: SandboxStore;
  scheduler: Scheduler;
}

interface PendingSend {
  platformId: string;
  messages: readonly OutgoingMessage[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Stores new outgoing messages with their planned transitions, by group commit. Sends that
 * arrive in one turn of the event loop wait for its end (`setImmediate`) and are then
 * committed together in ONE transaction, which first lets the scheduler catch up with the
 * clock (every transition due by now, in order) and then stores each send (its messages
 * and their transitions). So a burst of concurrent sends costs one commit, not one each —
 * most of a send's cost at a million rows is the commit writing the pages it touched.
 *
 * `accept()` resolves only after that COMMIT returned: the 202 that follows never promises
 * something a crash could lose. A send's messages are stored all or none. Should the shared
 * transaction fail, it is rolled back and every send is retried in a transaction of its
 * own, so a bad send fails alone and the others still succeed.
 */
export class MessageAcceptor {
  readonly #context: AcceptContext;
  #pending: PendingSend[] = [];

  constructor(context: AcceptContext) {
    this.#context = context;
  }

  /** Queues `messages` for the next group commit; resolves once they are committed. */
  accept(platformId: string, messages: readonly OutgoingMessage[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ platformId, messages, resolve, reject });
      if (this.#pending.length === 1) {
        setImmediate(() => {
          this.flush();
        });
      }
    });
  }

  /** Commits every queued send now (the sandbox calls it before closing the database). */
  flush(): void {
    const pending = this.#pending;
    if (pending.length === 0) return;
    this.#pending = [];
    const { db, scheduler } = this.#context;
    try {
      db.transaction(() => {
        scheduler.catchUp();
        for (const send of pending) this.#store(send);
      })();
    } catch {
      this.#oneByOne(pending);
      return;
    }
    scheduler.notify();
    for (const send of pending) send.resolve();
  }

  #oneByOne(pending: readonly PendingSend[]): void {
    const { db, scheduler } = this.#context;
    scheduler.catchUp();
    const settle: (() => void)[] = [];
    for (const send of pending) {
      try {
        db.transaction(() => {
          this.#store(send);
        })();
        settle.push(send.resolve);
      } catch (error) {
        settle.push(() => {
          send.reject(error);
        });
      }
    }
    scheduler.notify();
    for (const done of settle) done();
  }

  #store({ platformId, messages }: PendingSend): void {
    const { store } = this.#context;
    if (messages.length === 1 && messages[0] !== undefined) store.messages.insert(messages[0]);
    else store.messages.insertMany(messages);
    for (const message of messages) {
      for (const transition of planTransitions(message, platformId)) {
        store.transitions.schedule(transition);
      }
    }
  }
}
