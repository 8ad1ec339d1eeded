import { describe, expect, it } from 'vitest';
import {
  EMPTY_MESSAGE_FILTERS,
  hasActiveFilters,
  messageFiltersToSearch,
  parseMessageFilters,
  toMessageListFilters,
} from './message-filters-url';
import {
  FULL_FILTERS as FULL,
  TEST_BATCH_ID as BATCH,
  TEST_CHANNEL_ID as CHANNEL,
} from './test-message-filters';

const NOW = Date.parse('2026-11-27T12:00:00.000Z');

describe('parseMessageFilters', () => {
  it('reads nothing from an empty address', () => {
    expect(parseMessageFilters('')).toEqual({ filters: EMPTY_MESSAGE_FILTERS, notices: [] });
  });

  it('round-trips every filter through the address', () => {
    const search = messageFiltersToSearch(FULL);
    expect(parseMessageFilters(search.toString())).toEqual({ filters: FULL, notices: [] });
    expect(search.toString()).toBe(
      `channel=${CHANNEL}&range=custom&start=2026-11-01T00%3A00%3A00.000Z&end=2026-11-27T00%3A00%3A00.000Z` +
        `&platform=sms-messagebird&status=delivered&status=delivery_failed&direction=outgoing` +
        `&from=%2B31612345678&to=ann%40example.com&tag=launch&subject=invoice&batch=${BATCH}&order=oldest`,
    );
  });

  it('keeps a preset by name, not as times', () => {
    const { filters } = parseMessageFilters('range=24h');
    expect(filters.range).toEqual({ kind: 'preset', preset: '24h' });
    expect(messageFiltersToSearch(filters).toString()).toBe('range=24h');
  });

  it('ignores bad values with a notice and keeps the good ones', () => {
    const { filters, notices } = parseMessageFilters(
      'channel=nope&status=delivered&status=exploded&direction=sideways&order=random' +
        '&range=1y&batch=123&platform=sms%20bird&tag=%F0%9F%98%80&from=+31612345678',
    );
    expect(filters).toEqual({
      ...EMPTY_MESSAGE_FILTERS,
      statuses: ['delivered'],
      // An unencoded "+" in a query string is a space.
      from: '31612345678',
    });
    expect(notices).toHaveLength(8);
    expect(notices.join('\n')).toMatch(/channel "nope": must be a UUID/);
    expect(notices.join('\n')).toMatch(/status "exploded"/);
    expect(notices.join('\n')).toMatch(/direction "sideways": must be one of incoming, outgoing/);
    expect(notices.join('\n')).toMatch(/order "random"/);
    expect(notices.join('\n')).toMatch(/date range "1y"/);
    expect(notices.join('\n')).toMatch(/batch id "123"/);
    expect(notices.join('\n')).toMatch(/platform "sms bird"/);
    expect(notices.join('\n')).toMatch(/tag "😀"/);
  });

  it('ignores a custom range whose start is not before its end', () => {
    const { filters, notices } = parseMessageFilters(
      'start=2026-11-27T00:00:00Z&end=2026-11-01T00:00:00Z',
    );
    expect(filters.range).toBeUndefined();
    expect(notices).toEqual(['Ignored the custom date range: its start is not before its end.']);
  });

  it('ignores times that are not RFC 3339', () => {
    const { filters, notices } = parseMessageFilters(
      'range=custom&start=yesterday&end=2026-11-27T10:00:00%2B01:00',
    );
    expect(filters.range).toEqual({
      kind: 'custom',
      start: undefined,
      end: '2026-11-27T09:00:00.000Z',
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/start "yesterday"/);
  });

  it('prefers a preset over custom times, and says so', () => {
    const { filters, notices } = parseMessageFilters('range=1h&start=2026-11-01T00:00:00Z');
    expect(filters.range).toEqual({ kind: 'preset', preset: '1h' });
    expect(notices).toHaveLength(1);
  });

  it('uses the first of repeated single values, and says so', () => {
    const { filters, notices } = parseMessageFilters('tag=a&tag=b');
    expect(filters.tag).toBe('a');
    expect(notices).toEqual(['"tag" was given 2 times; only the first is used.']);
  });

  it('drops duplicate statuses and empty values, lower-cases tags', () => {
    const { filters, notices } = parseMessageFilters(
      'status=sent&status=sent&status=&tag=Launch&to=',
    );
    expect(filters).toEqual({ ...EMPTY_MESSAGE_FILTERS, statuses: ['sent'], tag: 'launch' });
    expect(notices).toEqual([]);
  });

  it('never throws, whatever the address holds', () => {
    for (const search of [
      '%',
      'status=%E0%A4%A',
      '&&&==',
      'range=custom&start=&end=',
      'a'.repeat(10_000),
    ]) {
      expect(() => parseMessageFilters(search)).not.toThrow();
    }
  });
});

describe('toMessageListFilters', () => {
  it('maps every filter to the API parameters; the channel is the scope', () => {
    expect(toMessageListFilters(FULL, NOW)).toEqual({
      startAt: '2026-11-01T00:00:00.000Z',
      endAt: '2026-11-27T00:00:00.000Z',
      reverse: true,
      platform: 'sms-messagebird',
      status: ['delivered', 'delivery_failed'],
      direction: 'outgoing',
      from: '+31612345678',
      to: 'ann@example.com',
      tag: 'launch',
      subject: 'invoice',
      batchId: BATCH,
    });
  });

  it('anchors a preset at now', () => {
    expect(
      toMessageListFilters(
        { ...EMPTY_MESSAGE_FILTERS, range: { kind: 'preset', preset: '15m' } },
        NOW,
      ),
    ).toEqual({ startAt: '2026-11-27T11:45:00.000Z' });
  });

  it('asks for everything, newest first, without filters', () => {
    expect(toMessageListFilters(EMPTY_MESSAGE_FILTERS, NOW)).toEqual({});
    expect(hasActiveFilters(EMPTY_MESSAGE_FILTERS)).toBe(false);
    expect(hasActiveFilters(FULL)).toBe(true);
  });
});
