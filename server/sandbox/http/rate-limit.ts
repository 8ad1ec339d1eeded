import type { Clock } from '../../clock';
import { RATE_LIMIT_PER_SECOND } from '../../../src/lib/bird/decisions';
import { BirdError } from './errors';

/** Bird's published limits per workspace (contract §1): GET 50/s, POST 500/s. */
export const RATE_LIMITS = {
  read: RATE_LIMIT_PER_SECOND.GET,
  write: RATE_LIMIT_PER_SECOND.POST,
} as const;

export type RateBucket = keyof typeof RATE_LIMITS;

export function bucketFor(method: string): RateBucket {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

interface Window {
  second: number;
  counts: Record<RateBucket, number>;
}

/**
 * Fixed windows of one clock second per workspace. Time comes from the injected clock, so a
 * manual clock makes the limit testable: the window only rolls over when the clock moves.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #limits: Record<RateBucket, number>;
  readonly #windows = new Map<string, Window>();

  constructor(clock: Clock, limits: Record<RateBucket, number> = RATE_LIMITS) {
    this.#clock = clock;
    this.#limits = limits;
  }

  /** Counts one request; throws a 429 `BirdError` with `Retry-After` when over the limit. */
  take(workspaceId: string, bucket: RateBucket): void {
    const now = this.#clock.now();
    const second = Math.floor(now / 1000);
    let window = this.#windows.get(workspaceId);
    if (window?.second !== second) {
      window = { second, counts: { read: 0, write: 0 } };
      this.#windows.set(workspaceId, window);
    }
    if (window.counts[bucket] >= this.#limits[bucket]) {
      const retryAfter = Math.max(1, Math.ceil(((second + 1) * 1000 - now) / 1000));
      throw new BirdError(
        429,
        `Rate limit of ${this.#limits[bucket]} ${bucket === 'read' ? 'GET' : 'POST'} requests per second exceeded`,
        { headers: { 'retry-after': String(retryAfter) } },
      );
    }
    window.counts[bucket] += 1;
  }
}
