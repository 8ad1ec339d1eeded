import type { Database } from '../db/open-database';
import type { JsonValue, NewTransition, Transition, TransitionStore } from './types';

interface TransitionRow {
  id: number;
  message_id: string;
  due_at: number;
  kind: string;
  payload: string;
}

const fromRow = (row: TransitionRow): Transition => ({
  id: row.id,
  messageId: row.message_id,
  dueAt: row.due_at,
  kind: row.kind,
  payload: JSON.parse(row.payload) as JsonValue,
});

/** Applying more than this many steps in one call means a step keeps rescheduling itself. */
const DEFAULT_APPLY_LIMIT = 100_000;

/**
 * Lifecycle transitions: steps waiting for their due time (the scheduler decides what they
 * mean). Delete-on-apply: a row exists exactly while its step has not happened.
 */
export function createTransitionStore(db: Database): TransitionStore {
  const insert = db.prepare<{ messageId: string; dueAt: number; kind: string; payload: string }>(
    `INSERT INTO lifecycle_transitions (message_id, due_at, kind, payload)
     VALUES (@messageId, @dueAt, @kind, @payload)`,
  );
  const due = db.prepare<{ now: number; limit: number }, TransitionRow>(
    `SELECT id, message_id, due_at, kind, payload FROM lifecycle_transitions
     WHERE due_at <= @now ORDER BY due_at, id LIMIT @limit`,
  );
  const remove = db.prepare<[number]>('DELETE FROM lifecycle_transitions WHERE id = ?');
  const nextDue = db
    .prepare<[], number | null>('SELECT min(due_at) FROM lifecycle_transitions')
    .pluck();
  const cancel = db.prepare<[string]>('DELETE FROM lifecycle_transitions WHERE message_id = ?');
  const pending = db.prepare<[string], TransitionRow>(
    `SELECT id, message_id, due_at, kind, payload FROM lifecycle_transitions
     WHERE message_id = ? ORDER BY due_at, id`,
  );

  const applyOne = db.transaction(
    (now: number, apply: (transition: Transition) => void): boolean => {
      const row = due.get({ now, limit: 1 });
      if (row === undefined) return false;
      remove.run(row.id);
      apply(fromRow(row));
      return true;
    },
  );
  const dropOne = db.transaction((now: number): void => {
    const row = due.get({ now, limit: 1 });
    if (row !== undefined) remove.run(row.id);
  });
  const take = db.transaction((now: number, limit: number): Transition[] => {
    const rows = due.all({ now, limit });
    for (const row of rows) remove.run(row.id);
    return rows.map(fromRow);
  });

  return {
    schedule(transition: NewTransition) {
      const result = insert.run({
        messageId: transition.messageId,
        dueAt: transition.dueAt,
        kind: transition.kind,
        payload: JSON.stringify(transition.payload ?? null),
      });
      return Number(result.lastInsertRowid);
    },
    applyDue(now, apply, limit = DEFAULT_APPLY_LIMIT) {
      let applied = 0;
      while (applied < limit) {
        let ran: boolean;
        try {
          ran = applyOne(now, apply);
        } catch (error) {
          // The step's own changes were rolled back; drop it so one bad step cannot stall
          // every message behind it, and let the scheduler report the error.
          dropOne(now);
          throw error;
        }
        if (!ran) break;
        applied += 1;
      }
      return applied;
    },
    takeDue(now, limit = DEFAULT_APPLY_LIMIT) {
      return take(now, limit);
    },
    nextDueAt() {
      return nextDue.get() ?? undefined;
    },
    cancelForMessage(messageId) {
      return cancel.run(messageId).changes;
    },
    pendingForMessage(messageId) {
      return pending.all(messageId).map(fromRow);
    },
  };
}
