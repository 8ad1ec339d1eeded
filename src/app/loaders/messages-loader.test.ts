import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelListQueryOptions } from '@/lib/api/channels';
import { messageListOptions } from '@/lib/api/message-list';
import { sessionKeys } from '@/lib/api/session';
import { parseMessageFilters, toMessageListFilters } from '@/lib/message-filters-url';
import type { SessionInfo } from '@/lib/perch/session';
import { TEST_WORKSPACE_ID, testSession } from '@/lib/perch/test-session';
import { prefetchMessagesPage } from './messages-loader';

const ws = TEST_WORKSPACE_ID;
const ch = '0b6d71fc-0000-4000-8000-00000000000c';
const connected = testSession;

/** Answers /session with `session`, every list with no results; records the paths asked. */
function serve(session: SessionInfo) {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>((url) => {
    const body =
      new URL(url, 'http://perch.test').pathname === '/session' ? session : { results: [] };
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return () => fetchMock.mock.calls.map(([url]) => new URL(url, 'http://perch.test').pathname);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('prefetchMessagesPage', () => {
  it('asks for nothing but the session when not connected', async () => {
    const asked = serve({ connected: false });
    await prefetchMessagesPage(new QueryClient(), new URL('http://perch.test/messages'));
    expect(asked()).toEqual(['/session']);
  });

  it('fills the cache entries the page reads: the filtered list and the channels', async () => {
    const asked = serve(connected);
    const client = new QueryClient();
    const url = new URL(`http://perch.test/messages?channel=${ch}&status=failed`);
    await prefetchMessagesPage(client, url);
    expect(asked()).toEqual([
      '/session',
      `/api/workspaces/${ws}/channels/${ch}/messages`,
      `/api/workspaces/${ws}/channels`,
    ]);
    // What the page asks for, with its anchor: now.
    const { filters } = parseMessageFilters(url.searchParams);
    const list = messageListOptions(ws, ch, toMessageListFilters(filters, Date.now()));
    expect(client.getQueryData(list.queryKey)?.pages).toEqual([{ results: [] }]);
    expect(client.getQueryData(channelListQueryOptions(ws).queryKey)).toEqual({ results: [] });
  });

  it('reads a session the app already knows without asking again', async () => {
    const asked = serve(connected);
    const client = new QueryClient();
    client.setQueryData(sessionKeys.current(), connected);
    await prefetchMessagesPage(client, new URL('http://perch.test/messages'));
    expect(asked()).toEqual([`/api/workspaces/${ws}/messages`, `/api/workspaces/${ws}/channels`]);
  });

  it('leaves a preset date range to the page, which anchors it when it renders', async () => {
    const asked = serve(connected);
    await prefetchMessagesPage(new QueryClient(), new URL('http://perch.test/messages?range=1h'));
    expect(asked()).toEqual(['/session', `/api/workspaces/${ws}/channels`]);
  });
});
