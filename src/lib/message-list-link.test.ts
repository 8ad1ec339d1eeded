import { describe, expect, it } from 'vitest';
import { parseMessageFilters, toMessageListFilters } from './message-filters-url';
import {
  listContextFor,
  listPagePath,
  listRequestOf,
  messagePagePath,
  readListContext,
} from './message-list-link';

const CH = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';
const MSG = '9a0b3f1c-2b7e-4d4a-8c5e-9b1f2a6d7e8f';
const NOW = Date.parse('2026-11-27T12:00:00.000Z');
const message = { channelId: CH, id: MSG };

describe('messagePagePath', () => {
  it('is the plain message path without a list', () => {
    expect(messagePagePath(message)).toBe(`/messages/${CH}/${MSG}`);
  });

  it('carries the list, and a preset anchor, through a round trip', () => {
    const list = listContextFor('tag=launch&range=1h', NOW);
    const path = messagePagePath(message, list);
    expect(path).toBe(
      `/messages/${CH}/${MSG}?list=range%3D1h%26tag%3Dlaunch&listAt=2026-11-27T12%3A00%3A00.000Z`,
    );
    const search = path.slice(path.indexOf('?'));
    expect(readListContext(search, NOW + 5_000)).toEqual(list);
  });

  it('leaves the anchor out when the list has no preset', () => {
    const list = listContextFor(`channel=${CH}&status=delivery_failed`, NOW);
    expect(list).toEqual({ search: `channel=${CH}&status=delivery_failed` });
    expect(messagePagePath(message, list)).not.toContain('listAt');
  });

  it('keeps an empty list: the unfiltered list is a list too', () => {
    const path = messagePagePath(message, listContextFor('', NOW));
    expect(path).toBe(`/messages/${CH}/${MSG}?list=`);
    expect(readListContext(path.slice(path.indexOf('?')), NOW)).toEqual({ search: '' });
  });
});

describe('readListContext', () => {
  it('has no list without the parameter', () => {
    expect(readListContext('', NOW)).toBeUndefined();
    expect(readListContext('listAt=2026-11-27T12:00:00Z', NOW)).toBeUndefined();
  });

  it('anchors a preset at now when listAt is missing or not a time', () => {
    expect(readListContext('list=range%3D15m', NOW)).toEqual({
      search: 'range=15m',
      anchorMs: NOW,
    });
    expect(readListContext('list=range%3D15m&listAt=yesterday', NOW)).toEqual({
      search: 'range=15m',
      anchorMs: NOW,
    });
  });

  it('keeps only the filters that parse, in canonical form', () => {
    expect(readListContext('list=status%3Dnope%26tag%3DVIP%26direction%3Dsideways', NOW)).toEqual({
      search: 'tag=vip',
    });
  });
});

describe('listPagePath and listRequestOf', () => {
  it('returns to the same filtered list', () => {
    expect(listPagePath({ search: '' })).toBe('/messages');
    expect(listPagePath({ search: 'tag=launch&order=oldest' })).toBe(
      '/messages?tag=launch&order=oldest',
    );
  });

  it('asks for what the list asked for: scope, filters and the anchored window', () => {
    const list = listContextFor(`channel=${CH}&range=1h&tag=Launch&order=oldest`, NOW);
    expect(listRequestOf(list)).toEqual({
      channelId: CH,
      filters: { startAt: '2026-11-27T11:00:00.000Z', reverse: true, tag: 'launch' },
    });
    expect(listRequestOf({ search: '' })).toEqual({ channelId: undefined, filters: {} });
  });
});

describe('the list a message page reads', () => {
  it('is the very request the Messages page made, so its cached pages are found', () => {
    const searches = [
      '',
      `channel=${CH}&range=24h&status=sent&status=delivered&order=oldest`,
      'range=custom&start=2026-11-01T00:00:00Z&tag=Launch&direction=incoming',
      'platform=whatsapp&from=%2B31612345678&subject=invoice',
    ];
    for (const search of searches) {
      const { filters } = parseMessageFilters(search);
      const path = messagePagePath(message, listContextFor(search, NOW));
      const list = readListContext(path.slice(path.indexOf('?')), NOW + 60_000);
      expect(list && listRequestOf(list), search).toEqual({
        channelId: filters.channelId,
        filters: toMessageListFilters(filters, NOW),
      });
    }
  });
});
