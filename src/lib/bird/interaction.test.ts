import { describe, expect, it } from 'vitest';
import { interactionListQuerySchema, interactionSchema } from './interaction';
import { parseWithDetails } from './validation-details';

const UUID = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';
const T = '2026-11-27T15:04:05.123Z';

describe('interaction (E8)', () => {
  it('reads an interaction with link metadata and keeps unknown metadata', () => {
    const interaction = {
      id: UUID,
      messageId: UUID,
      channelId: UUID,
      platformId: 'email-messagebird',
      type: 'clicked',
      details: 'click',
      messageReference: '',
      messageTags: ['promo'],
      messagePartsCount: 1,
      receiver: {
        contacts: [{ id: UUID, identifierKey: 'emailaddress', identifierValue: 'a@b.co' }],
      },
      createdAt: T,
      metadata: { link: { name: 'cta', url: 'https://example.com' }, userAgent: 'x' },
    };
    expect(interactionSchema.parse(interaction)).toEqual(interaction);
  });

  it('parses limit and pageToken', () => {
    expect(parseWithDetails(interactionListQuerySchema, { pageToken: 'abc' })).toEqual({
      ok: true,
      value: { limit: 10, pageToken: 'abc' },
    });
  });
});
