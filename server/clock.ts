/** Time for the server and the sandbox. Never read `Date.now()` elsewhere: inject a Clock. */
export interface Clock {
  readonly mode: 'real' | 'manual';
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = {
  mode: 'real',
  now: () => Date.now(),
};

/** A clock that only moves when told to; the sandbox's `clock/advance` drives it in tests. */
export class ManualClock implements Clock {
  readonly mode = 'manual' as const;
  #now: number;

  constructor(start: number = Date.parse('2026-11-27T12:00:00.000Z')) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('advance needs a finite, non-negative ms');
    this.#now += ms;
    return this.#now;
  }

  set(epochMs: number): void {
    this.#now = epochMs;
  }
}
