import { describe, expect, it } from 'vitest';
import { channelListQuerySchema, channelSchema } from './channel';
import { parseWithDetails } from './validation-details';

const UUID = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';
const T = '2026-11-27T15:04:05.123Z';

describe('channel (E1, E2)', () => {
  it('reads a channel', () => {
    const channel = {
      id: UUID,
      name: 'SMS NL',
      platformId: 'sms-messagebird',
      connectorId: UUID,
      identifier: '+3197010000000',
      status: 'active',
      createdAt: T,
      updatedAt: T,
      capabilities: ['messaging.outgoing.mms'],
    };
    expect(channelSchema.parse(channel)).toEqual(channel);
  });

  it('parses the list query: limit 1–1000 (default 10), reverse, platform, status', () => {
    expect(parseWithDetails(channelListQuerySchema, {})).toEqual({
      ok: true,
      value: { limit: 10, reverse: false },
    });
    expect(
      parseWithDetails(channelListQuerySchema, {
        limit: '1000',
        reverse: 'true',
        platform: 'whatsapp',
        status: 'pending',
      }),
    ).toEqual({
      ok: true,
      value: { limit: 1000, reverse: true, platform: 'whatsapp', status: 'pending' },
    });
    expect(parseWithDetails(channelListQuerySchema, { limit: '1001', status: 'on' })).toEqual({
      ok: false,
      details: {
        '.limit': ['must be an integer from 1 to 1000'],
        '.status': ['must be one of "active", "inactive", "pending"'],
      },
    });
  });
});
