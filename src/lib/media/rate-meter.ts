/**
 * Upload speed over a sliding window of progress samples, so the figure follows the last few
 * seconds rather than the whole transfer, and time left from it.
 */

export const RATE_WINDOW_MS = 3000;
/** Below this much elapsed time a speed is noise; none is reported. */
export const MIN_RATE_SPAN_MS = 250;

interface Sample {
  at: number;
  loaded: number;
}

export class RateMeter {
  #samples: Sample[] = [];

  /** Starts over (a new attempt) at `at` with nothing sent. */
  reset(at: number): void {
    this.#samples = [{ at, loaded: 0 }];
  }

  sample(at: number, loaded: number): void {
    const last = this.#samples.at(-1);
    if (last !== undefined && loaded < last.loaded) this.#samples = [];
    this.#samples.push({ at, loaded });
    // Keep one sample at or before the window's start, so the span stays a full window.
    while (this.#samples.length > 2 && (this.#samples[1]?.at ?? at) <= at - RATE_WINDOW_MS) {
      this.#samples.shift();
    }
  }

  /** Bytes per second over the window, or `undefined` while too little time has passed. */
  bytesPerSecond(): number | undefined {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (first === undefined || last === undefined) return undefined;
    const span = last.at - first.at;
    if (span < MIN_RATE_SPAN_MS) return undefined;
    return ((last.loaded - first.loaded) * 1000) / span;
  }

  /** Seconds until `total` at the current speed, or `undefined` when unknown. */
  secondsLeft(total: number | undefined): number | undefined {
    const rate = this.bytesPerSecond();
    const last = this.#samples.at(-1);
    if (rate === undefined || rate <= 0 || total === undefined || last === undefined) {
      return undefined;
    }
    return Math.max(0, total - last.loaded) / rate;
  }
}
