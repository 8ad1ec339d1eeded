import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { birdKeys } from './bird-keys';
import { CHANNEL_LIST_LIMIT, channelListQueryOptions } from './channels';
import { interactionsInfiniteOptions } from './interactions';
import { MESSAGE_PAGE_LIMIT } from './message-filter-params';
import { channelMessagesInfiniteOptions, workspaceMessagesInfiniteOptions } from './messages';

const ws = '0b6d71fc-0000-4000-8000-000000000001';
const ch = '0b6d71fc-0000-4000-8000-00000000000c';
const msg = '0b6d71fc-0000-4000-8000-0000000000aa';

/** Answers each request with the next page; records what was asked. */
function pages(...bodies: unknown[]) {
  const queue = [...bodies];
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() =>
    Promise.resolve(
      new Response(JSON.stringify(queue.shift()), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function urlOf(call: [string, RequestInit?] | undefined): URL {
  return new URL(call?.[0] ?? '', 'http://perch.test');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('query keys', () => {
  it('hang every Bird key under one root and the workspace', () => {
    const keys = [
      birdKeys.channels.list(ws),
      birdKeys.channels.detail(ws, ch),
      birdKeys.messages.workspaceList(ws, { status: ['sent'] }),
      birdKeys.messages.channelList(ws, ch),
      birdKeys.messages.detail(ws, ch, msg),
      birdKeys.interactions.list(ws, ch, msg),
    ];
    for (const key of keys) expect(key.slice(0, 2)).toEqual(['bird', ws]);
    expect(birdKeys.messages.workspaceList(ws).slice(0, 4)).toEqual(birdKeys.messages.lists(ws));
    expect(birdKeys.messages.channelList(ws, ch).slice(0, 4)).toEqual(birdKeys.messages.lists(ws));
  });
});

describe('workspaceMessagesInfiniteOptions', () => {
  it('follows nextPageToken and stops on the last page', async () => {
    const fetchMock = pages(
      { results: [], nextPageToken: 'cursor-2' },
      { results: [], nextPageToken: '' },
    );
    const options = workspaceMessagesInfiniteOptions(ws, { status: ['sent', 'delivered'] });
    const data = await new QueryClient().infiniteQuery({ ...options, pages: 3 });

    expect(data.pages).toHaveLength(2);
    expect(data.pageParams).toEqual([undefined, 'cursor-2']);
    expect(fetchMock).toHaveBeenCalledTimes(2);

    const firstUrl = urlOf(fetchMock.mock.calls[0]);
    expect(firstUrl.pathname).toBe(`/api/workspaces/${ws}/messages`);
    expect(firstUrl.searchParams.getAll('status')).toEqual(['sent', 'delivered']);
    expect(firstUrl.searchParams.get('limit')).toBe(String(MESSAGE_PAGE_LIMIT));
    expect(firstUrl.searchParams.has('pageToken')).toBe(false);
    expect(fetchMock.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
    expect(urlOf(fetchMock.mock.calls[1]).searchParams.get('pageToken')).toBe('cursor-2');
  });
});

describe('channelMessagesInfiniteOptions', () => {
  it('asks the channel path without a channelId parameter', async () => {
    const fetchMock = pages({ results: [] });
    await new QueryClient().infiniteQuery(
      channelMessagesInfiniteOptions(ws, ch, { channelId: ch, direction: 'incoming' }),
    );
    const url = urlOf(fetchMock.mock.calls[0]);
    expect(url.pathname).toBe(`/api/workspaces/${ws}/channels/${ch}/messages`);
    expect(url.searchParams.has('channelId')).toBe(false);
    expect(url.searchParams.get('direction')).toBe('incoming');
  });
});

describe('interactionsInfiniteOptions', () => {
  it('pages the interactions of one message', async () => {
    const fetchMock = pages({ results: [] });
    const options = interactionsInfiniteOptions(ws, ch, msg);
    const data = await new QueryClient().infiniteQuery(options);
    expect(options.getNextPageParam(data.pages[0] ?? { results: [] }, [], undefined, [])).toBe(
      undefined,
    );
    expect(urlOf(fetchMock.mock.calls[0]).pathname).toBe(
      `/api/workspaces/${ws}/channels/${ch}/messages/${msg}/interactions`,
    );
  });
});

describe('channelListQueryOptions', () => {
  it('asks for every channel in one page', async () => {
    const fetchMock = pages({ results: [] });
    await new QueryClient().query(channelListQueryOptions(ws, { platform: 'whatsapp' }));
    const url = urlOf(fetchMock.mock.calls[0]);
    expect(url.pathname).toBe(`/api/workspaces/${ws}/channels`);
    expect(url.searchParams.get('limit')).toBe(String(CHANNEL_LIST_LIMIT));
    expect(url.searchParams.get('platform')).toBe('whatsapp');
    expect(url.searchParams.has('reverse')).toBe(false);
  });
});
