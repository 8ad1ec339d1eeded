import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  NetworkError,
  ResponseShapeError,
  TimeoutError,
  genericError,
} from '@/lib/api/errors';
import {
  MAX_QUERY_RETRIES,
  MAX_RETRY_DELAY_MS,
  createQueryClient,
  queryRetryDelay,
  shouldRetryQuery,
} from './query-client';

function httpError(status: number, retryAfter?: number): ApiError {
  const { code, message } = genericError(status);
  return new ApiError({ status, code, message, retryAfter, path: '/api/workspaces/w/messages' });
}

describe('shouldRetryQuery', () => {
  it.each([400, 401, 403, 404, 409, 413, 422])('never retries a %i', (status) => {
    expect(shouldRetryQuery(0, httpError(status))).toBe(false);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries a %i', (status) => {
    expect(shouldRetryQuery(0, httpError(status))).toBe(true);
  });

  it('retries when the server could not be reached or did not answer in time', () => {
    expect(shouldRetryQuery(0, new NetworkError('/api/x'))).toBe(true);
    expect(shouldRetryQuery(0, new TimeoutError('/api/x', 15_000))).toBe(true);
    expect(shouldRetryQuery(0, new TypeError('Failed to fetch'))).toBe(true);
  });

  it('does not retry a response that failed validation, nor unknown errors', () => {
    expect(shouldRetryQuery(0, new ResponseShapeError('/api/x', 200, ['results: Required']))).toBe(
      false,
    );
    expect(shouldRetryQuery(0, new Error('Something else'))).toBe(false);
    expect(shouldRetryQuery(0, { status: 500 })).toBe(false);
  });

  it('stops after three retries', () => {
    const error = httpError(503);
    expect([0, 1, 2, 3, 4].map((count) => shouldRetryQuery(count, error))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(MAX_QUERY_RETRIES).toBe(3);
  });

  it('gives up at once when Retry-After asks for a longer wait than 30 seconds', () => {
    expect(shouldRetryQuery(0, httpError(429, 30))).toBe(true);
    expect(shouldRetryQuery(0, httpError(429, 31))).toBe(false);
  });
});

describe('queryRetryDelay', () => {
  it('doubles from one second', () => {
    const error = httpError(500);
    expect([0, 1, 2, 3].map((count) => queryRetryDelay(count, error))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never waits more than 30 seconds', () => {
    expect(queryRetryDelay(5, httpError(500))).toBe(30_000);
    expect(queryRetryDelay(20, new TypeError('Failed to fetch'))).toBe(MAX_RETRY_DELAY_MS);
  });

  it('waits at least the Retry-After of a 429', () => {
    expect(queryRetryDelay(0, httpError(429, 5))).toBe(5_000);
    expect(queryRetryDelay(0, httpError(429, 0.25))).toBe(1_000);
    expect(queryRetryDelay(3, httpError(429, 2))).toBe(8_000);
  });

  it('ignores a Retry-After that is not a usable number', () => {
    expect(queryRetryDelay(0, httpError(429, Number.NaN))).toBe(1_000);
    expect(queryRetryDelay(0, httpError(429, -3))).toBe(1_000);
  });
});

describe('createQueryClient', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tries a query four times on a 503, with growing waits, then reports the error', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const attempts: number[] = [];
    const fetched = client.query({
      queryKey: ['flaky'],
      queryFn: () => {
        attempts.push(Date.now());
        return Promise.reject(httpError(503));
      },
    });
    const outcome = fetched.catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    await expect(outcome).resolves.toMatchObject({ status: 503 });
    const waits = attempts.slice(1).map((time, index) => time - (attempts[index] ?? 0));
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    client.clear();
  });

  it('fails a query at once on a 404', async () => {
    const client = createQueryClient();
    const queryFn = vi.fn(() => Promise.reject(httpError(404)));
    await expect(client.query({ queryKey: ['missing'], queryFn })).rejects.toMatchObject({
      status: 404,
    });
    expect(queryFn).toHaveBeenCalledTimes(1);
    client.clear();
  });

  it('never repeats a mutation, even on a network error', async () => {
    const client = createQueryClient();
    const mutationFn = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const mutation = client.getMutationCache().build(client, { mutationFn });
    await expect(mutation.execute(undefined)).rejects.toThrow('Failed to fetch');
    expect(mutationFn).toHaveBeenCalledTimes(1);
    client.clear();
  });

  it('refetches queries when the window regains focus', () => {
    expect(createQueryClient().getDefaultOptions().queries?.refetchOnWindowFocus).toBe(true);
  });
});
