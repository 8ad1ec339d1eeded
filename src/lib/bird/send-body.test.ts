import { describe, expect, it } from 'vitest';
import { MAX_SCHEDULE_AHEAD_MS } from './decisions';
import {
  batchSendRequestSchema,
  identifierProblem,
  sendMessageRequestSchema,
  validateBatchEnvelope,
  validateSendBody,
} from './send-body';
import type { SendBodyContext } from './send-body';

const NOW = Date.parse('2026-11-27T15:04:05.123Z');
const sms: SendBodyContext = { platformId: 'sms-messagebird', now: NOW };
const whatsapp: SendBodyContext = { platformId: 'whatsapp', now: NOW };
const email: SendBodyContext = { platformId: 'email-messagebird', now: NOW };
const telegram: SendBodyContext = { platformId: 'telegram', now: NOW };

const PHONE = '+31612345678';
const UUID = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';

function smsRequest(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    receiver: { contacts: [{ identifierKey: 'phonenumber', identifierValue: PHONE }] },
    body: { type: 'text', text: { text: 'Hello' } },
    ...extra,
  };
}

function detailsOf(input: unknown, ctx: SendBodyContext = sms): Record<string, string[]> {
  const result = validateSendBody(input, ctx);
  if (result.ok) throw new Error(`expected a validation failure, got ${JSON.stringify(result)}`);
  return result.details;
}

describe('validateSendBody: valid requests', () => {
  it('accepts a minimal SMS text and returns the value', () => {
    const result = validateSendBody(smsRequest(), sms);
    expect(result).toEqual({ ok: true, value: smsRequest() });
  });

  it('accepts every optional field at once', () => {
    const input = smsRequest({
      sender: { connector: { identifierValue: 'Perch', annotations: { name: 'Perch' } } },
      reference: 'order-42',
      tags: ['Promo', 'black_friday 2026'],
      scheduledFor: '2026-12-01T10:00:00+01:00',
      validity: 0,
      replyTo: { id: UUID, type: 'message', order: 0 },
      meta: {
        email: { subject: 'Hi', headers: { 'X-Campaign': 'fall' } },
        extraInformation: { source: 'perch' },
      },
      shortLinks: { domain: 'default' },
    });
    const result = validateSendBody(input, sms);
    expect(result.ok).toBe(true);
  });

  it('lower-cases tags and normalises scheduledFor to UTC with milliseconds', () => {
    const result = validateSendBody(
      smsRequest({ tags: ['Promo', 'BLACK-Friday'], scheduledFor: '2026-12-01T10:00:00+01:00' }),
      sms,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.details));
    expect(result.value.tags).toEqual(['promo', 'black-friday']);
    expect(result.value.scheduledFor).toBe('2026-12-01T09:00:00.000Z');
  });

  it('accepts a template instead of a body', () => {
    const input = {
      receiver: { contacts: [{ identifierValue: PHONE }] },
      template: { projectId: UUID, version: 'latest', locale: 'en-US' },
    };
    expect(validateSendBody(input, whatsapp).ok).toBe(true);
  });

  it('accepts to/cc/bcc contacts and email addresses on email', () => {
    const input = {
      receiver: {
        contacts: [
          { identifierKey: 'emailaddress', identifierValue: 'ann@example.com', type: 'to' },
          { identifierValue: 'bob@example.com', type: 'cc' },
          { identifierValue: 'cy@example.com', type: 'bcc' },
        ],
      },
      body: { type: 'html', html: { html: '<p>Hi</p>', metadata: { subject: 'Hello' } } },
    };
    expect(validateSendBody(input, email).ok).toBe(true);
  });

  it('accepts a contact known only by id, identifiers or platformAddress', () => {
    const input = smsRequest({
      receiver: {
        contacts: [
          { id: UUID },
          { identifiers: [{ identifierKey: 'phonenumber', identifierValue: PHONE }] },
          { platformAddress: PHONE },
        ],
      },
    });
    expect(validateSendBody(input, sms).ok).toBe(true);
  });

  it('applies no identifier format on platforms without a rule', () => {
    const input = smsRequest({ receiver: { contacts: [{ identifierValue: '@someone' }] } });
    expect(validateSendBody(input, telegram).ok).toBe(true);
  });

  it('allows scheduledFor exactly 35 days ahead and in the past', () => {
    const at = new Date(NOW + MAX_SCHEDULE_AHEAD_MS).toISOString();
    expect(validateSendBody(smsRequest({ scheduledFor: at }), sms).ok).toBe(true);
    expect(validateSendBody(smsRequest({ scheduledFor: '2020-01-01T00:00:00Z' }), sms).ok).toBe(
      true,
    );
  });
});

describe('validateSendBody: each rule fails at its path', () => {
  it('rejects more than 10 tags', () => {
    const tags = Array.from({ length: 11 }, (_, i) => `t${String(i)}`);
    expect(detailsOf(smsRequest({ tags }))).toEqual({ '.tags': ['must have at most 10 items'] });
  });

  it('rejects tag characters outside [a-zA-Z0-9-_ ] and tags over 50 characters', () => {
    expect(detailsOf(smsRequest({ tags: ['ok', 'no!', 'x'.repeat(51), ''] }))).toEqual({
      '.tags[1]': ['may contain only letters, digits, "-", "_" and spaces'],
      '.tags[2]': ['must be at most 50 characters'],
      '.tags[3]': ['must not be empty'],
    });
  });

  it('rejects both body and template, and neither, at the root', () => {
    const both = smsRequest({ template: { projectId: UUID, version: 'latest', locale: 'en' } });
    expect(detailsOf(both)).toEqual({ '.': ['must have exactly one of body or template'] });
    const neither = { receiver: { contacts: [{ identifierValue: PHONE }] } };
    expect(detailsOf(neither)).toEqual({ '.': ['must have exactly one of body or template'] });
  });

  it('rejects scheduledFor more than 35 days ahead', () => {
    const at = new Date(NOW + 36 * 24 * 60 * 60 * 1000).toISOString();
    expect(detailsOf(smsRequest({ scheduledFor: at }))).toEqual({
      '.scheduledFor': ['must be at most 35 days in the future'],
    });
    const justOver = new Date(NOW + MAX_SCHEDULE_AHEAD_MS + 1).toISOString();
    expect(validateSendBody(smsRequest({ scheduledFor: justOver }), sms).ok).toBe(false);
  });

  it('rejects scheduledFor that is not RFC 3339', () => {
    expect(detailsOf(smsRequest({ scheduledFor: '2026-12-01 10:00' }))).toEqual({
      '.scheduledFor': ['must be an RFC 3339 date-time like 2026-11-27T15:04:05Z'],
    });
  });

  it('rejects a negative or fractional validity', () => {
    expect(detailsOf(smsRequest({ validity: -1 }))).toEqual({
      '.validity': ['must be at least 0'],
    });
    expect(detailsOf(smsRequest({ validity: 1.5 }))).toEqual({
      '.validity': ['must be an integer'],
    });
  });

  it('rejects an unknown property at the root', () => {
    expect(detailsOf(smsRequest({ priority: 'high' }))).toEqual({
      '.priority': ['property "priority" is unsupported'],
    });
  });

  it('rejects unknown properties deep inside, each at its own path', () => {
    const input = {
      receiver: { contacts: [{ identifierValue: PHONE, nickname: 'Ann' }] },
      body: { type: 'text', text: { text: 'Hi', foo: 1, bar: 2 } },
      meta: { email: { subject: 'x', priority: 1 } },
    };
    expect(detailsOf(input)).toEqual({
      '.receiver.contacts[0].nickname': ['property "nickname" is unsupported'],
      '.body.text.foo': ['property "foo" is unsupported'],
      '.body.text.bar': ['property "bar" is unsupported'],
      '.meta.email.priority': ['property "priority" is unsupported'],
    });
  });

  it('rejects a phone number that is not E.164 on SMS and WhatsApp', () => {
    const input = smsRequest({
      receiver: { contacts: [{ identifierValue: PHONE }, { identifierValue: '0612345678' }] },
    });
    const expected = { '.receiver.contacts[1].identifierValue': ['must be an E.164 phone number'] };
    expect(detailsOf(input, sms)).toEqual(expected);
    expect(detailsOf(input, whatsapp)).toEqual(expected);
  });

  it('rejects an email address on SMS', () => {
    const input = smsRequest({
      receiver: {
        contacts: [{ identifierKey: 'emailaddress', identifierValue: 'ann@example.com' }],
      },
    });
    expect(detailsOf(input)).toEqual({
      '.receiver.contacts[0].identifierKey': ['must be "phonenumber" on this channel'],
      '.receiver.contacts[0].identifierValue': ['must be an E.164 phone number'],
    });
  });

  it('rejects a phone number on email', () => {
    const input = {
      receiver: { contacts: [{ identifierValue: PHONE }] },
      body: { type: 'text', text: { text: 'Hi' } },
    };
    expect(detailsOf(input, email)).toEqual({
      '.receiver.contacts[0].identifierValue': ['must be an email address'],
    });
  });

  it('checks phone identifiers inside identifiers[]', () => {
    const input = smsRequest({
      receiver: {
        contacts: [{ identifiers: [{ identifierKey: 'phonenumber', identifierValue: '12345' }] }],
      },
    });
    expect(detailsOf(input)).toEqual({
      '.receiver.contacts[0].identifiers[0].identifierValue': ['must be an E.164 phone number'],
    });
  });

  it('rejects cc (any contact type) on SMS', () => {
    const input = smsRequest({ receiver: { contacts: [{ identifierValue: PHONE, type: 'cc' }] } });
    expect(detailsOf(input)).toEqual({
      '.receiver.contacts[0].type': ['is only supported on email channels'],
    });
  });

  it('rejects a contact type other than to/cc/bcc on email', () => {
    const input = {
      receiver: { contacts: [{ identifierValue: 'ann@example.com', type: 'from' }] },
      body: { type: 'text', text: { text: 'Hi' } },
    };
    expect(detailsOf(input, email)).toEqual({
      '.receiver.contacts[0].type': ['must be one of "to", "cc", "bcc"'],
    });
  });

  it('requires receiver.contacts with at least one contact that names someone', () => {
    expect(detailsOf({ body: { type: 'text', text: { text: 'Hi' } } })).toEqual({
      '.receiver': ['required'],
    });
    expect(detailsOf(smsRequest({ receiver: { contacts: [] } }))).toEqual({
      '.receiver.contacts': ['must have at least 1 item'],
    });
    expect(detailsOf(smsRequest({ receiver: { contacts: [{}] } }))).toEqual({
      '.receiver.contacts[0]': ['must have an identifierValue, id, identifiers or platformAddress'],
    });
  });

  it('rejects a location out of range', () => {
    const input = smsRequest({
      body: { type: 'location', location: { coordinates: { latitude: 90.5, longitude: -180.1 } } },
    });
    expect(detailsOf(input)).toEqual({
      '.body.location.coordinates.latitude': ['must be at most 90'],
      '.body.location.coordinates.longitude': ['must be at least -180'],
    });
  });

  it('rejects a carousel with a single item', () => {
    const input = smsRequest({
      body: { type: 'carousel', carousel: { items: [{ title: 'Only one' }] } },
    });
    expect(detailsOf(input)).toEqual({ '.body.carousel.items': ['must have at least 2 items'] });
  });

  it('rejects an html body with neither html nor text', () => {
    const input = smsRequest({ body: { type: 'html', html: { metadata: { subject: 'Hi' } } } });
    expect(detailsOf(input, email)).toMatchObject({ '.body.html': ['must have html or text'] });
  });

  it('rejects a body whose payload sits under another key than its type', () => {
    const input = smsRequest({ body: { type: 'text', image: { images: [] } } });
    expect(detailsOf(input)).toEqual({
      '.body.text': ['required'],
      '.body.image': ['property "image" is unsupported'],
    });
  });

  it('rejects an unknown or missing body type', () => {
    const allowed =
      'must be one of "text", "html", "image", "file", "gif", "location", "carousel", "list"';
    expect(detailsOf(smsRequest({ body: { type: 'video', video: {} } }))).toEqual({
      '.body.type': [allowed],
    });
    expect(detailsOf(smsRequest({ body: { text: { text: 'Hi' } } }))).toEqual({
      '.body.type': ['required'],
    });
  });

  it('rejects text over 4096 characters and empty text', () => {
    const long = smsRequest({ body: { type: 'text', text: { text: 'x'.repeat(4097) } } });
    expect(detailsOf(long)).toEqual({ '.body.text.text': ['must be at most 4096 characters'] });
    const empty = smsRequest({ body: { type: 'text', text: { text: '' } } });
    expect(detailsOf(empty)).toEqual({ '.body.text.text': ['must not be empty'] });
  });

  it('rejects a replyTo that is not a message reference', () => {
    expect(detailsOf(smsRequest({ replyTo: { id: 'nope', type: 'contact' } }))).toEqual({
      '.replyTo.id': ['must be a UUID'],
      '.replyTo.type': ['must be "message"'],
    });
  });

  it('reports every problem at once', () => {
    const input = {
      receiver: { contacts: [{ identifierValue: 'ann@example.com', type: 'cc' }] },
      tags: ['bad!'],
      validity: -5,
      extra: true,
    };
    expect(detailsOf(input)).toEqual({
      '.': ['must have exactly one of body or template'],
      '.tags[0]': ['may contain only letters, digits, "-", "_" and spaces'],
      '.validity': ['must be at least 0'],
      '.extra': ['property "extra" is unsupported'],
      '.receiver.contacts[0].type': ['is only supported on email channels'],
      '.receiver.contacts[0].identifierValue': ['must be an E.164 phone number'],
    });
  });

  it('rejects a body that is not an object at the root path', () => {
    expect(detailsOf(null)).toEqual({ '.': ['must be an object'] });
    expect(detailsOf([smsRequest()])).toEqual({ '.': ['must be an object'] });
    expect(detailsOf('hello')).toEqual({ '.': ['must be an object'] });
  });
});

describe('sendMessageRequestSchema', () => {
  it('infers the output type the app builds requests from', () => {
    const parsed = sendMessageRequestSchema.parse(smsRequest({ tags: ['A'] }));
    expect(parsed.tags).toEqual(['a']);
    expect(parsed.body?.type).toBe('text');
  });
});

describe('batch envelope (E4)', () => {
  it('accepts 1 to 100 objects without validating the items', () => {
    const result = validateBatchEnvelope({ messageRequests: [{ anything: true }] });
    expect(result).toEqual({ ok: true, value: { messageRequests: [{ anything: true }] } });
    const hundred = Array.from({ length: 100 }, () => smsRequest());
    expect(validateBatchEnvelope({ messageRequests: hundred }).ok).toBe(true);
  });

  it('rejects an empty list, more than 100 items and items that are not objects', () => {
    expect(validateBatchEnvelope({ messageRequests: [] })).toEqual({
      ok: false,
      details: { '.messageRequests': ['must have at least 1 item'] },
    });
    const many = Array.from({ length: 101 }, () => ({}));
    expect(validateBatchEnvelope({ messageRequests: many })).toEqual({
      ok: false,
      details: { '.messageRequests': ['must have at most 100 items'] },
    });
    expect(validateBatchEnvelope({ messageRequests: [{}, 'x', []] })).toEqual({
      ok: false,
      details: {
        '.messageRequests[1]': ['must be an object'],
        '.messageRequests[2]': ['must be an object'],
      },
    });
  });

  it('requires the field name messageRequests and nothing else', () => {
    expect(validateBatchEnvelope({ messages: [{}] })).toEqual({
      ok: false,
      details: {
        '.messageRequests': ['required'],
        '.messages': ['property "messages" is unsupported'],
      },
    });
  });

  it('types a fully valid batch', () => {
    const parsed = batchSendRequestSchema.parse({ messageRequests: [smsRequest({ tags: ['X'] })] });
    expect(parsed.messageRequests[0]?.tags).toEqual(['x']);
  });
});

describe('identifierProblem', () => {
  it('applies the platform identifier rules to one value', () => {
    expect(identifierProblem('sms-messagebird', PHONE)).toBeUndefined();
    expect(identifierProblem('whatsapp', '0612345678')).toBe('must be an E.164 phone number');
    expect(identifierProblem('email-messagebird', 'ann@example.com')).toBeUndefined();
    expect(identifierProblem('email-messagebird', PHONE)).toBe('must be an email address');
    expect(identifierProblem('telegram', 'anything')).toBeUndefined();
  });
});
