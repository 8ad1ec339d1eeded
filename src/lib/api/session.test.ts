import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '@/lib/perch/session';
import { testSession } from '@/lib/perch/test-session';
import { birdKeys } from './bird-keys';
import { ApiError, NetworkError } from './errors';
import {
  connectMutationOptions,
  disconnectMutationOptions,
  noteSessionLost,
  sessionKeys,
  sessionQueryOptions,
} from './session';

const connected = testSession;

function respondWith(status: number, body?: unknown) {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() =>
    Promise.resolve(
      body === undefined
        ? new Response(null, { status })
        : new Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json' },
          }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('session', () => {
  it('reads GET /session under the session root', async () => {
    const fetchMock = respondWith(200, connected);
    const queryClient = new QueryClient();
    const options = sessionQueryOptions();
    expect(options.queryKey).toEqual(['session', 'current']);
    await expect(queryClient.query(options)).resolves.toEqual(connected);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/session');
    expect(fetchMock.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('connect posts the request, stores the session and forgets earlier Bird data', async () => {
    const fetchMock = respondWith(200, connected);
    const queryClient = new QueryClient();
    queryClient.setQueryData([...birdKeys.all, 'old-workspace', 'channels'], { results: [] });
    const options = connectMutationOptions(queryClient);
    const mutation = queryClient.getMutationCache().build(queryClient, options);
    await mutation.execute({
      mode: 'bird',
      accessKey: 'key-1234',
      workspaceId: connected.workspaceId,
    });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({
      mode: 'bird',
      accessKey: 'key-1234',
      workspaceId: connected.workspaceId,
    });
    expect(queryClient.getQueryData(sessionKeys.current())).toEqual(connected);
    expect(queryClient.getQueryCache().findAll({ queryKey: birdKeys.all })).toHaveLength(0);
  });

  it('connect is not undone by a GET /session that was asked before it and lands after', async () => {
    let answerOldCheck: (response: Response) => void = () => undefined;
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(
      (_url, init) => {
        if (init?.method === 'POST') {
          return Promise.resolve(
            new Response(JSON.stringify(connected), {
              status: 200,
              headers: { 'content-type': 'application/json' },
            }),
          );
        }
        return new Promise((resolve, reject) => {
          answerOldCheck = resolve;
          init?.signal?.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      },
    );
    vi.stubGlobal('fetch', fetchMock);
    const queryClient = new QueryClient();
    queryClient.setQueryData<SessionInfo>(sessionKeys.current(), { connected: false });
    const oldCheck = queryClient.query(sessionQueryOptions()).catch(() => undefined);

    const mutation = queryClient
      .getMutationCache()
      .build(queryClient, connectMutationOptions(queryClient));
    await mutation.execute({ mode: 'sandbox' });
    answerOldCheck(
      new Response(JSON.stringify({ connected: false }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await oldCheck;

    expect(fetchMock.mock.calls.map(([, init]) => init?.method ?? 'GET')).toEqual(['GET', 'POST']);
    expect(queryClient.getQueryData(sessionKeys.current())).toEqual(connected);
  });

  it('disconnect deletes the session and marks it not connected', async () => {
    const fetchMock = respondWith(204);
    const queryClient = new QueryClient();
    queryClient.setQueryData(sessionKeys.current(), connected);
    const mutation = queryClient
      .getMutationCache()
      .build(queryClient, disconnectMutationOptions(queryClient));
    await mutation.execute(undefined);
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('DELETE');
    expect(queryClient.getQueryData(sessionKeys.current())).toEqual({ connected: false });
  });
});

describe('noteSessionLost', () => {
  const unauthorized = (path: string) =>
    new ApiError({ status: 401, code: 'Unauthorized', message: 'Not connected', path });

  it('marks the session lost on a 401 from the pass-through only', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(sessionKeys.current(), connected);

    expect(noteSessionLost(queryClient, unauthorized('/session'))).toBe(false);
    expect(noteSessionLost(queryClient, new NetworkError('/api/x'))).toBe(false);
    expect(queryClient.getQueryData(sessionKeys.current())).toEqual(connected);

    expect(
      noteSessionLost(
        queryClient,
        unauthorized(`/api/workspaces/${connected.workspaceId}/channels`),
      ),
    ).toBe(true);
    expect(queryClient.getQueryData(sessionKeys.current())).toEqual({ connected: false });
  });
});
