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

/**
 * Stores new outgoing messages and their planned transitions in one transaction (all or
 * none), then lets the scheduler know. When this returns, the messages are committed: the
 * 202 that follows never promises something a crash could lose.
 */
export function acceptMessages(
  context: AcceptContext,
  platformId: string,
  messages: readonly OutgoingMessage[],
): void {
  context.db.transaction(() => {
    if (messages.length === 1 && messages[0] !== undefined)
      context.store.messages.insert(messages[0]);
    else context.store.messages.insertMany(messages);
    for (const message of messages) {
      for (const transition of planTransitions(message, platformId)) {
        context.store.transitions.schedule(transition);
      }
    }
  })();
  context.scheduler.notify();
}
