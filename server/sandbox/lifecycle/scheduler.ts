import type { Clock } from '../../clock';
import type { Transition, TransitionStore } from '../store/types';

/** setTimeout's ceiling (about 24.8 days); a later due time is reached in several hops. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The least time from one run to the next timer run on the real clock, so that steps
 * falling due a millisecond apart (a stream of sends) share a commit instead of taking one
 * each. Nobody sees the difference: every request catches up first, and a step's
 * timestamps are its due time, not the time it was applied.
 */
export const TIMER_GAP_MS = 10;

export interface SchedulerOptions {
  clock: Clock;
  transitions: TransitionStore;
  /** Applies one due transition; runs inside the store's transaction, synchronously. */
  apply: (transition: Transition) => void;
  /** Told when a timer run fails (it is retried on the next run). */
  onError?: (error: unknown) => void;
}

/**
 * The one scheduler of a sandbox. Transitions are rows with a due time; nothing else waits
 * in memory. `runDue()` applies every transition due by `clock.now()`, oldest first, each
 * atomic with the deletion of its row (many share a commit), so a crash never loses or
 * repeats a step and a restart simply continues with whatever is due.
 *
 * On the real clock one timer is armed for the earliest due transition, at least
 * {@link TIMER_GAP_MS} after the last run (re-armed after each run and whenever an earlier
 * one is planned). On the manual clock there is no timer: the `clock/advance` control route
 * moves the clock and calls `runDue()`. The HTTP layer also catches up before serving a
 * request (sends inside their group commit), so answers never lag behind the clock.
 */
export class Scheduler {
  readonly #clock: Clock;
  readonly #transitions: TransitionStore;
  readonly #apply: (transition: Transition) => void;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #timerDueAt: number | undefined;
  #lastRunAt = Number.NEGATIVE_INFINITY;
  #running = false;
  #closed = false;

  constructor(options: SchedulerOptions) {
    this.#clock = options.clock;
    this.#transitions = options.transitions;
    this.#apply = options.apply;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Applies what became due while the sandbox was down, then arms the timer. */
  start(): void {
    this.runDue();
  }

  /**
   * Applies every transition due now, in `(dueAt, id)` order; returns how many ran. A failing
   * transition stays in place (its transaction rolled back) and the error is thrown.
   */
  runDue(): number {
    if (this.#closed || this.#running) return 0;
    this.#running = true;
    let applied: number;
    try {
      const now = this.#clock.now();
      this.#lastRunAt = now;
      applied = this.#transitions.applyDue(now, this.#apply);
    } finally {
      this.#running = false;
    }
    this.#arm();
    return applied;
  }

  /** `runDue()` for callers that must not fail (the HTTP layer before each request). */
  catchUp(): void {
    try {
      this.runDue();
    } catch (error) {
      this.#onError(error);
    }
  }

  /** Call after planning new transitions: re-arms the timer if they are due earlier. */
  notify(): void {
    this.#arm();
  }

  /** The earliest pending due time, if any. */
  nextDueAt(): number | undefined {
    return this.#transitions.nextDueAt();
  }

  close(): void {
    this.#closed = true;
    this.#clear();
  }

  #clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerDueAt = undefined;
  }

  #arm(): void {
    if (this.#closed || this.#clock.mode !== 'real') return;
    const due = this.#transitions.nextDueAt();
    if (due === undefined) {
      this.#clear();
      return;
    }
    const next = Math.max(due, this.#lastRunAt + TIMER_GAP_MS);
    if (this.#timer !== undefined && this.#timerDueAt !== undefined && this.#timerDueAt <= next) {
      return;
    }
    this.#clear();
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - this.#clock.now()));
    this.#timerDueAt = next;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerDueAt = undefined;
      try {
        this.runDue();
      } catch (error) {
        this.#onError(error);
        // Retry a second later rather than spinning on a failing row.
        if (!this.#closed) {
          this.#timer = setTimeout(() => {
            this.#timer = undefined;
            this.#arm();
          }, 1000).unref();
        }
      }
    }, delay);
    // The timer never keeps a process alive on its own (the server does).
    this.#timer.unref();
  }
}
