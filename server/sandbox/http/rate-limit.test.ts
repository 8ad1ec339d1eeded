import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { BirdError } from './errors';
import { bucketFor, RateLimiter } from './rate-limit';

function retryAfterOf(attempt: () => void): string | undefined {
  try {
    attempt();
  } catch (error) {
    if (error instanceof BirdError && error.statusCode === 429) return error.headers['retry-after'];
    throw error;
  }
  return undefined;
}

describe('RateLimiter', () => {
  it('allows the limit per clock second, then answers 429 with Retry-After', () => {
    const clock = new ManualClock(Date.parse('2026-11-27T12:00:00.250Z'));
    const limiter = new RateLimiter(clock, { read: 3, write: 5 });
    for (let i = 0; i < 3; i += 1) limiter.take('ws', 'read');
    expect(
      retryAfterOf(() => {
        limiter.take('ws', 'read');
      }),
    ).toBe('1');
    // the write bucket and other workspaces are counted apart
    limiter.take('ws', 'write');
    limiter.take('other', 'read');
    clock.advance(750);
    expect(
      retryAfterOf(() => {
        limiter.take('ws', 'read');
      }),
    ).toBeUndefined();
  });

  it('rounds Retry-After up to at least one second', () => {
    const clock = new ManualClock(Date.parse('2026-11-27T12:00:00.999Z'));
    const limiter = new RateLimiter(clock, { read: 1, write: 1 });
    limiter.take('ws', 'write');
    expect(
      retryAfterOf(() => {
        limiter.take('ws', 'write');
      }),
    ).toBe('1');
  });

  it('counts HEAD as a read and everything else as a write', () => {
    expect(bucketFor('GET')).toBe('read');
    expect(bucketFor('HEAD')).toBe('read');
    expect(bucketFor('POST')).toBe('write');
    expect(bucketFor('DELETE')).toBe('write');
  });
});
