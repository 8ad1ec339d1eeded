import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { fetchMediaSize, mediaSizeQueryOptions, parseContentLength } from './media-size';

const PATH =
  '/media/workspaces/0b6d71fc-0000-4000-8000-000000000001/channels/0b6d71fc-0000-4000-8000-00000000000c/media/0b6d71fc-0000-4000-8000-0000000000aa';

function answer(status: number, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() =>
    Promise.resolve(new Response(null, { status, headers })),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseContentLength', () => {
  it('reads whole byte counts only', () => {
    expect(parseContentLength('1258291')).toBe(1_258_291);
    expect(parseContentLength(' 0 ')).toBe(0);
    for (const bad of [null, '', '-1', '1.5', '12abc', '1e6', '99999999999999999999']) {
      expect(parseContentLength(bad), String(bad)).toBeNull();
    }
  });
});

describe('fetchMediaSize', () => {
  it('asks with HEAD on the same origin and reads Content-Length', async () => {
    const fetchMock = answer(200, { 'content-length': '1258291' });
    await expect(fetchMediaSize(PATH)).resolves.toBe(1_258_291);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(PATH);
    expect(init?.method).toBe('HEAD');
    expect(init?.credentials).toBe('same-origin');
  });

  it('is null when the answer gives no size', async () => {
    answer(200);
    await expect(fetchMediaSize(PATH)).resolves.toBeNull();
  });

  it('throws the error answer as an ApiError', async () => {
    answer(404, { 'content-type': 'application/json' });
    const error = await fetchMediaSize(PATH).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });

  it('never asks anywhere but /media', async () => {
    const fetchMock = answer(200, { 'content-length': '1' });
    for (const path of ['https://media.api.bird.com/x', '/api/workspaces', '/mediax/y']) {
      await expect(fetchMediaSize(path)).rejects.toThrow('Not a /media path');
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('mediaSizeQueryOptions', () => {
  it('keys by path under the Bird root and does not retry', async () => {
    answer(200, { 'content-length': '42' });
    const options = mediaSizeQueryOptions(PATH);
    expect(options.queryKey).toEqual(['bird', 'media-size', PATH]);
    expect(options.retry).toBe(false);
    await expect(new QueryClient().query(options)).resolves.toBe(42);
  });
});
