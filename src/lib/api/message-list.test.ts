import { describe, expect, it } from 'vitest';
import type { Message, MessageList } from '@/lib/bird/message';
import { messageKeys } from './bird-keys';
import { messageListOptions, messageListRows } from './message-list';

const ws = '0b6d71fc-0000-4000-8000-000000000001';
const ch = '0b6d71fc-0000-4000-8000-00000000000c';

const row = (id: string) => ({ id }) as Message;
const page = (...ids: string[]): MessageList => ({ results: ids.map(row) });

describe('messageListRows', () => {
  it('lists the loaded pages in order, each message once', () => {
    const rows = messageListRows({ pages: [page('a', 'b'), page('b', 'c'), page('d')] });
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('is empty before anything is loaded', () => {
    expect(messageListRows(undefined)).toEqual([]);
  });
});

describe('messageListOptions', () => {
  it('keys the workspace list and a channel list like the key factory', () => {
    const filters = { tag: 'launch', reverse: true };
    expect(messageListOptions(ws, undefined, filters).queryKey).toEqual(
      messageKeys.workspaceList(ws, filters),
    );
    expect(messageListOptions(ws, ch, filters).queryKey).toEqual(
      messageKeys.channelList(ws, ch, filters),
    );
  });
});
