import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { collectPages } from './collect-pages';

/** A cursor over 0..total-1, `size` per page. */
function pages(total: number, size: number) {
  return vi.fn((token: string | undefined) => {
    const start = token === undefined ? 0 : Number(token);
    const results = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
    const next = start + size;
    return Promise.resolve({ results, nextPageToken: next < total ? String(next) : undefined });
  });
}

const options = () => ({
  signal: new AbortController().signal,
  onProgress: vi.fn(),
  wait: vi.fn(() => Promise.resolve()),
});

describe('collectPages', () => {
  it('follows the cursor to the end, in order, without duplicates', async () => {
    const fetchPage = pages(250, 100);
    const { items, limited } = await collectPages(fetchPage, { ...options(), limit: 100_000 });
    expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(limited).toBe(false);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('stops at the limit and says more were there', async () => {
    const fetchPage = pages(1_000, 100);
    const { items, limited } = await collectPages(fetchPage, { ...options(), limit: 250 });
    expect(items).toHaveLength(250);
    expect(limited).toBe(true);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('waits out a 429 for its Retry-After and asks for the same page again', async () => {
    const inner = pages(150, 100);
    let failed = false;
    const fetchPage = vi.fn((token: string | undefined) => {
      if (token === '100' && !failed) {
        failed = true;
        return Promise.reject(
          new ApiError({
            status: 429,
            code: 'TooManyRequests',
            message: 'slow',
            retryAfter: 2,
            path: '/api',
          }),
        );
      }
      return inner(token);
    });
    const opts = options();
    const { items } = await collectPages(fetchPage, { ...opts, limit: 1_000 });
    expect(items).toHaveLength(150);
    expect(opts.wait).toHaveBeenCalledWith(2_000, opts.signal);
    expect(opts.onProgress).toHaveBeenCalledWith({ items: 100, waitingSeconds: 2 });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const fetchPage = vi.fn((token: string | undefined) => {
      if (token !== undefined) controller.abort(new Error('cancelled'));
      return pages(500, 100)(token);
    });
    await expect(
      collectPages(fetchPage, { ...options(), signal: controller.signal, limit: 1_000 }),
    ).rejects.toThrow('cancelled');
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('throws other errors', async () => {
    const fetchPage = vi.fn(() => Promise.reject(new Error('boom')));
    await expect(collectPages(fetchPage, { ...options(), limit: 10 })).rejects.toThrow('boom');
  });
});
