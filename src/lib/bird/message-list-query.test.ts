import { describe, expect, it } from 'vitest';
import {
  channelMessageListQuerySchema,
  toMessageListSearchParams,
  workspaceMessageListQuerySchema,
} from './message-list-query';
import type { MessageListRequest } from './message-list-query';
import { parseWithDetails } from './validation-details';

const UUID = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';

function parse(query: Record<string, string | string[]>) {
  return parseWithDetails(workspaceMessageListQuerySchema, query);
}

/** Parses a real query string the way a server does: repeated names become arrays. */
function fromSearch(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}

describe('message list query (E5/E6)', () => {
  it('defaults to 10 newest-first results with no filters', () => {
    expect(parse({})).toEqual({ ok: true, value: { limit: 10, reverse: false } });
  });

  it('parses every filter', () => {
    const result = parse({
      limit: '100',
      pageToken: 'WyIyMDI2Il0=',
      reverse: 'true',
      platform: 'sms-messagebird',
      startAt: '2026-11-01T00:00:00+01:00',
      endAt: '2026-11-27T15:04:05.123Z',
      from: '+31612345678',
      to: 'ann@example.com',
      tag: 'Black-Friday',
      subject: 'invoice',
      batchId: UUID,
      status: 'sent',
      direction: 'outgoing',
      channelId: UUID,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        limit: 100,
        pageToken: 'WyIyMDI2Il0=',
        reverse: true,
        platform: 'sms-messagebird',
        startAt: '2026-10-31T23:00:00.000Z',
        endAt: '2026-11-27T15:04:05.123Z',
        from: '+31612345678',
        to: 'ann@example.com',
        tag: 'black-friday',
        subject: 'invoice',
        batchId: UUID,
        status: ['sent'],
        direction: 'outgoing',
        channelId: UUID,
      },
    });
  });

  it('accepts a repeated status and drops duplicates', () => {
    const result = parse(fromSearch('status=sent&status=delivered&status=sent'));
    expect(result).toMatchObject({ ok: true, value: { status: ['sent', 'delivered'] } });
  });

  it('rejects an unknown status, naming it', () => {
    expect(parse(fromSearch('status=sent&status=bounced'))).toEqual({
      ok: false,
      details: {
        '.status': [
          'must be one of accepted, scheduled, processing, sent, delivered, rejected, ' +
            'sending_failed, delivery_failed, deleted, skipped (got "bounced")',
        ],
      },
    });
  });

  it.each(['0', '101', '1.5', 'ten', '-1', ' 5'])('rejects limit=%s', (limit) => {
    expect(parse({ limit })).toEqual({
      ok: false,
      details: { '.limit': ['must be an integer from 1 to 100'] },
    });
  });

  it('accepts the limit bounds 1 and 100', () => {
    expect(parse({ limit: '1' })).toMatchObject({ ok: true, value: { limit: 1 } });
    expect(parse({ limit: '100' })).toMatchObject({ ok: true, value: { limit: 100 } });
  });

  it('rejects a repeated single-valued parameter', () => {
    expect(parse(fromSearch('limit=5&limit=6'))).toEqual({
      ok: false,
      details: { '.limit': ['must be given only once'] },
    });
  });

  it('treats an empty value as absent', () => {
    expect(parse({ limit: '', platform: '', status: '', subject: '' })).toEqual({
      ok: true,
      value: { limit: 10, reverse: false },
    });
  });

  it('rejects malformed values at their parameter', () => {
    expect(
      parse({
        reverse: 'yes',
        platform: 'sms messagebird',
        startAt: '2026-11-01',
        batchId: 'batch-1',
        direction: 'sideways',
        subject: '   ',
        tag: 'no!',
        pageToken: 'x'.repeat(8001),
      }),
    ).toEqual({
      ok: false,
      details: {
        '.reverse': ['must be "true" or "false"'],
        '.platform': ['must be a platform id of letters, digits and "-"'],
        '.startAt': ['must be an RFC 3339 date-time like 2026-11-27T15:04:05Z'],
        '.batchId': ['must be a UUID'],
        '.direction': ['must be one of "incoming", "outgoing"'],
        '.subject': ['must not be empty'],
        '.tag': ['may contain only letters, digits, "-", "_" and spaces'],
        '.pageToken': ['must be at most 8000 characters'],
      },
    });
  });

  it('ignores channelId on the channel endpoint (E5) and unknown parameters', () => {
    const result = parseWithDetails(channelMessageListQuerySchema, {
      channelId: UUID,
      foo: 'bar',
    });
    expect(result).toEqual({ ok: true, value: { limit: 10, reverse: false } });
  });
});

describe('toMessageListSearchParams', () => {
  it('writes repeated statuses and leaves out defaults and absent values', () => {
    const params = toMessageListSearchParams({
      limit: 50,
      status: ['sent', 'delivered'],
      reverse: false,
      tag: 'promo',
      subject: undefined,
    });
    expect(params.toString()).toBe('limit=50&tag=promo&status=sent&status=delivered');
  });

  it('round-trips through the parser', () => {
    const request: MessageListRequest = {
      limit: 25,
      pageToken: 'abc',
      reverse: true,
      platform: 'whatsapp',
      startAt: '2026-11-01T00:00:00.000Z',
      endAt: '2026-11-02T00:00:00.000Z',
      from: '+31612345678',
      to: '+31687654321',
      tag: 'promo',
      subject: 'hello',
      batchId: UUID,
      status: ['rejected', 'skipped'],
      direction: 'incoming',
      channelId: UUID,
    };
    const search = toMessageListSearchParams(request).toString();
    expect(parse(fromSearch(search))).toEqual({ ok: true, value: request });
  });
});
