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

/** Steps applied per commit (or per savepoint, inside a caller's transaction). */
const BATCH = 256;

type BatchResult =
  { applied: number; more: boolean } | { applied: number; more: true; error: unknown };

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

  let scheduled = 0;

  // The common case: up to `max` due steps, read in one query, applied in one commit with
  // no savepoint of their own. Should a step throw, this whole batch rolls back and
  // `applyCarefully` redoes it step by step. A step that schedules new rows ends the read
  // chunk, so a newly due row is read back in `(dueAt, id)` order.
  const applyFast = db.transaction(
    (now: number, apply: (t: Transition) => void, max: number): BatchResult => {
      let applied = 0;
      while (applied < max) {
        const rows = due.all({ now, limit: max - applied });
        if (rows.length === 0) return { applied, more: false };
        for (const row of rows) {
          const before = scheduled;
          remove.run(row.id);
          apply(fromRow(row));
          applied += 1;
          if (scheduled !== before) break;
        }
      }
      return { applied, more: true };
    },
  );
  // One step: its deletion and its effects, atomic (a SAVEPOINT inside the batch).
  const applyStep = db.transaction((row: TransitionRow, apply: (t: Transition) => void) => {
    remove.run(row.id);
    apply(fromRow(row));
  });
  // After a failure: the same steps, each in a savepoint, so the failing one is rolled back
  // and dropped and the ones before it are kept.
  const applyCarefully = db.transaction(
    (now: number, apply: (t: Transition) => void, max: number): BatchResult => {
      let applied = 0;
      while (applied < max) {
        const row = due.get({ now, limit: 1 });
        if (row === undefined) return { applied, more: false };
        try {
          applyStep(row, apply);
        } catch (error) {
          // The step's own changes are rolled back; drop it so one bad step cannot stall
          // every message behind it, keep the steps before it, and report the error.
          remove.run(row.id);
          return { applied, more: true, error };
        }
        applied += 1;
      }
      return { applied, more: true };
    },
  );
  const applyBatch = (now: number, apply: (t: Transition) => void, max: number): BatchResult => {
    try {
      return applyFast(now, apply, max);
    } catch {
      return applyCarefully(now, apply, max);
    }
  };
  const take = db.transaction((now: number, limit: number): Transition[] => {
    const rows = due.all({ now, limit });
    for (const row of rows) remove.run(row.id);
    return rows.map(fromRow);
  });

  return {
    schedule(transition: NewTransition) {
      scheduled += 1;
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
        const batch = applyBatch(now, apply, Math.min(BATCH, limit - applied));
        applied += batch.applied;
        if ('error' in batch) throw batch.error;
        if (!batch.more) break;
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
