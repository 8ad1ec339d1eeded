import { describe, expect, it } from 'vitest';
import {
  FINAL_MESSAGE_STATUSES,
  MESSAGE_STATUSES,
  failureFamily,
  isFinalStatus,
  messageListSchema,
  messageSchema,
  subjectOf,
} from './message';

const IDS = {
  message: '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b',
  channel: '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  connector: '6b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
  contact: '7c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f',
};
const T = '2026-11-27T15:04:05.123Z';

function outgoing(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: IDS.message,
    channelId: IDS.channel,
    direction: 'outgoing',
    status: 'accepted',
    lastStatusAt: T,
    createdAt: T,
    updatedAt: T,
    sender: { connector: { id: IDS.connector, identifierValue: '+3197010000000' } },
    receiver: {
      contacts: [
        { id: IDS.contact, identifierKey: 'phonenumber', identifierValue: '+31612345678' },
      ],
    },
    body: { type: 'text', text: { text: 'Hello' } },
    reference: '',
    tags: [],
    reason: '',
    details: '',
    ...extra,
  };
}

describe('messageSchema', () => {
  it('reads an outgoing message with every optional field', () => {
    const message = outgoing({
      status: 'delivery_failed',
      parts: [{ platformReference: 'abc' }],
      details: 'unknown_subscriber',
      failure: {
        code: 15005,
        description: 'Unknown subscriber',
        source: { name: 'sms-messagebird', code: '1' },
      },
      replyTo: { id: IDS.message, type: 'message' },
      scheduledFor: T,
      batchId: IDS.message,
      meta: { email: { subject: 'x' }, extraInformation: { n: 1 } },
    });
    const parsed = messageSchema.parse(message);
    expect(parsed).toEqual(message);
  });

  it('reads an incoming message (contact sends, connector receives)', () => {
    const parsed = messageSchema.parse(
      outgoing({
        direction: 'incoming',
        status: 'delivered',
        sender: {
          contact: { id: IDS.contact, identifierKey: 'phonenumber', identifierValue: '+3161' },
        },
        receiver: { connector: { id: IDS.connector, identifierValue: '+3197010000000' } },
      }),
    );
    expect(parsed.direction === 'incoming' && parsed.sender.contact.identifierValue).toBe('+3161');
  });

  it('rejects an outgoing message shaped like an incoming one', () => {
    const result = messageSchema.safeParse(
      outgoing({ receiver: { connector: { id: IDS.connector, identifierValue: 'x' } } }),
    );
    expect(result.success).toBe(false);
  });

  it('requires times in the API form (UTC with milliseconds)', () => {
    expect(messageSchema.safeParse(outgoing({ createdAt: '2026-11-27T15:04:05Z' })).success).toBe(
      false,
    );
    expect(
      messageSchema.safeParse(outgoing({ createdAt: '2026-11-27T16:04:05.123+01:00' })).success,
    ).toBe(false);
  });

  it('reads bodies leniently: extra properties dropped, long incoming text kept', () => {
    const long = 'x'.repeat(10_000);
    const parsed = messageSchema.parse(
      outgoing({ body: { type: 'text', text: { text: long, platformExtra: 1 } }, extra: 'y' }),
    );
    expect(parsed.body).toEqual({ type: 'text', text: { text: long } });
    expect(parsed).not.toHaveProperty('extra');
  });

  it('reads a page of messages', () => {
    const page = messageListSchema.parse({ results: [outgoing()], nextPageToken: 'abc' });
    expect(page.results).toHaveLength(1);
    expect(page.nextPageToken).toBe('abc');
  });
});

describe('statuses', () => {
  it('knows which statuses are final', () => {
    expect(MESSAGE_STATUSES.filter(isFinalStatus)).toEqual([...FINAL_MESSAGE_STATUSES]);
    expect(isFinalStatus('sent')).toBe(false);
    expect(isFinalStatus('scheduled')).toBe(false);
    expect(isFinalStatus('delivered')).toBe(true);
    expect(isFinalStatus('skipped')).toBe(true);
  });

  it('groups failure codes into families', () => {
    expect(failureFamily(11002)).toBe('validation');
    expect(failureFamily(12003)).toBe('service');
    expect(failureFamily(14001)).toBe('customer');
    expect(failureFamily(15005)).toBe('platform');
    expect(failureFamily(99)).toBe('unknown');
  });
});

describe('subjectOf', () => {
  it('prefers the html subject, then the text subject, then meta.email.subject', () => {
    const meta = { email: { subject: 'from meta' } };
    expect(
      subjectOf({
        body: { type: 'html', html: { html: '<p/>', metadata: { subject: 'from html' } } },
        meta,
      }),
    ).toBe('from html');
    expect(
      subjectOf({
        body: { type: 'text', text: { text: 'x', metadata: { subject: 'from text' } } },
        meta,
      }),
    ).toBe('from text');
    expect(subjectOf({ body: { type: 'text', text: { text: 'x' } }, meta })).toBe('from meta');
    expect(subjectOf({ body: { type: 'text', text: { text: 'x' } } })).toBeUndefined();
  });
});
