import { afterEach, describe, expect, it, vi } from 'vitest';
import { z as classicZ } from 'zod';
import { z } from '@/lib/zod';
import { buildUrl, createApiClient } from './client';
import { ApiError, NetworkError, ResponseShapeError, TimeoutError } from './errors';

const itemSchema = z.object({ id: z.string(), count: z.number() });

function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

function stubFetch(impl: (url: string, init: RequestInit) => Promise<Response>) {
  const mock = vi.fn(impl);
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** A fetch that only settles when its signal aborts, like a server that never answers. */
function hangingFetch(_url: string, init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => {
      reject(new DOMException('The operation was aborted.', 'AbortError'));
    });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('buildUrl', () => {
  it('repeats array values and leaves out empty ones', () => {
    expect(
      buildUrl('', '/api/x', {
        status: ['sent', 'delivered'],
        limit: 10,
        reverse: true,
        from: '',
        to: undefined,
        tag: null,
      }),
    ).toBe('/api/x?status=sent&status=delivered&limit=10&reverse=true');
    expect(buildUrl('/base', '/api/x')).toBe('/base/api/x');
    expect(buildUrl('', '/api/x', new URLSearchParams([['a', '1']]))).toBe('/api/x?a=1');
  });
});

describe('createApiClient', () => {
  it('sends JSON with the base path and parses the answer with the schema', async () => {
    const fetchMock = stubFetch(() => Promise.resolve(jsonResponse({ id: 'a', count: 2 })));
    const client = createApiClient({ baseUrl: 'http://perch.test' });
    const result = await client.request('/api/items', itemSchema, {
      method: 'POST',
      body: { name: 'x' },
      query: { limit: 5 },
    });
    expect(result).toEqual({ id: 'a', count: 2 });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('http://perch.test/api/items?limit=5');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"x"}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(init?.credentials).toBe('same-origin');
  });

  it('throws ApiError with the Bird body for a non-2xx answer', async () => {
    stubFetch(() =>
      Promise.resolve(
        jsonResponse(
          { code: 'TooManyRequests', message: 'Too many requests, retry later' },
          { status: 429, headers: { 'retry-after': '2' } },
        ),
      ),
    );
    const error = await createApiClient()
      .request('/api/items', itemSchema)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'TooManyRequests',
      retryAfter: 2,
      path: '/api/items',
    });
  });

  it('throws ResponseShapeError when the answer does not match the schema', async () => {
    stubFetch(() => Promise.resolve(jsonResponse({ id: 'a', count: 'two' })));
    const error = await createApiClient()
      .request('/api/items', itemSchema)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).issues).toEqual([
      'count: Invalid input: expected number, received string',
    ]);
  });

  it('accepts a classic zod schema as well as a zod/mini one', async () => {
    stubFetch(() => Promise.resolve(jsonResponse({ id: 'a', count: 2 })));
    const classic = classicZ.object({ id: classicZ.string(), count: classicZ.number().int() });
    await expect(createApiClient().request('/api/items', classic)).resolves.toEqual({
      id: 'a',
      count: 2,
    });
  });

  it('throws ResponseShapeError when a 2xx answer is not JSON', async () => {
    stubFetch(() => Promise.resolve(new Response('<html></html>', { status: 200 })));
    await expect(createApiClient().request('/api/items', itemSchema)).rejects.toBeInstanceOf(
      ResponseShapeError,
    );
  });

  it('throws NetworkError when fetch itself fails', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await createApiClient()
      .request('/session', itemSchema)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).path).toBe('/session');
  });

  it('throws TimeoutError after the time limit', async () => {
    vi.useFakeTimers();
    stubFetch(hangingFetch);
    const pending = createApiClient({ timeoutMs: 1000 })
      .request('/api/slow', itemSchema)
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1000);
  });

  it("forwards the caller's abort and rethrows its reason", async () => {
    const fetchMock = stubFetch(hangingFetch);
    const controller = new AbortController();
    const pending = createApiClient()
      .request('/api/slow', itemSchema, { signal: controller.signal })
      .catch((e: unknown) => e);
    const reason = new DOMException('cancelled', 'AbortError');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(fetchMock.mock.calls[0]?.[1].signal?.aborted).toBe(true);
  });

  it('does not send at all when the signal is already aborted', async () => {
    const fetchMock = stubFetch(hangingFetch);
    const controller = new AbortController();
    controller.abort();
    await expect(
      createApiClient().request('/api/x', itemSchema, { signal: controller.signal }),
    ).rejects.toBe(controller.signal.reason);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('requestVoid accepts an empty 204', async () => {
    stubFetch(() => Promise.resolve(new Response(null, { status: 204 })));
    await expect(
      createApiClient().requestVoid('/session', { method: 'DELETE' }),
    ).resolves.toBeUndefined();
  });
});
