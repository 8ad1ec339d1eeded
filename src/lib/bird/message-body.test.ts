import { describe, expect, it } from 'vitest';
import { BODY_TYPES, messageBodySchema } from './message-body';
import type { MessageBody } from './message-body';
import { templateSchema } from './template';
import { parseWithDetails } from './validation-details';

const MEDIA = 'https://media.api.bird.com/workspaces/w/channels/c/media/m';
const UUID = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';

const validBodies: MessageBody[] = [
  { type: 'text', text: { text: 'Hello' } },
  {
    type: 'text',
    text: {
      text: 'With extras',
      attachments: [{ mediaUrl: MEDIA, filename: 'a.pdf' }],
      metadata: { subject: 'Re: hi' },
    },
  },
  { type: 'html', html: { html: '<p>Hi</p>' } },
  {
    type: 'html',
    html: {
      text: 'Plain only',
      metadata: { subject: 'News', emailFrom: { username: 'news', displayName: 'Newsroom' } },
      attachments: [{ mediaUrl: MEDIA, filename: 'logo.png', inline: true }],
    },
  },
  { type: 'image', image: { images: [{ mediaUrl: MEDIA, altText: 'A cat' }], text: 'Look' } },
  {
    type: 'file',
    file: { files: [{ mediaUrl: MEDIA, contentType: 'application/pdf', filename: 'x.pdf' }] },
  },
  { type: 'gif', gif: { mediaUrl: 'http://127.0.0.1:8080/sandbox/m.gif', altText: 'wave' } },
  {
    type: 'location',
    location: {
      coordinates: { latitude: -90, longitude: 180 },
      location: { address: 'Trompenburgstraat 2C, Amsterdam', label: 'Bird' },
    },
  },
  {
    type: 'carousel',
    carousel: {
      text: 'Pick one',
      items: [
        {
          title: 'Red',
          description: 'A red one',
          mediaUrl: MEDIA,
          actions: [{ type: 'link', link: { text: 'Buy', url: 'https://shop.example/red' } }],
        },
        { title: 'Blue', actions: [{ type: 'reply', reply: { text: 'Blue please' } }] },
      ],
    },
  },
  {
    type: 'list',
    list: {
      text: 'Choose a slot',
      title: 'Slots',
      items: [
        { title: '9:00', actions: [{ type: 'postback', postback: { text: '9', payload: 's9' } }] },
      ],
    },
  },
];

describe('messageBodySchema', () => {
  it('accepts a valid example of every body type', () => {
    const seen = new Set<string>();
    for (const body of validBodies) {
      expect(parseWithDetails(messageBodySchema, body)).toEqual({ ok: true, value: body });
      seen.add(body.type);
    }
    expect([...seen].sort()).toEqual([...BODY_TYPES].sort());
  });

  it.each([
    [
      'images: none',
      { type: 'image', image: { images: [] } },
      { '.image.images': ['must have at least 1 item'] },
    ],
    [
      'images: 11',
      { type: 'image', image: { images: Array.from({ length: 11 }, () => ({ mediaUrl: MEDIA })) } },
      { '.image.images': ['must have at most 10 items'] },
    ],
    [
      'files: 11',
      {
        type: 'file',
        file: {
          files: Array.from({ length: 11 }, () => ({ mediaUrl: MEDIA, contentType: 'text/plain' })),
        },
      },
      { '.file.files': ['must have at most 10 items'] },
    ],
    [
      'file without a MIME type',
      { type: 'file', file: { files: [{ mediaUrl: MEDIA, contentType: 'pdf' }] } },
      { '.file.files[0].contentType': ['must be a MIME type like image/png'] },
    ],
    [
      'carousel: 11 items',
      {
        type: 'carousel',
        carousel: { items: Array.from({ length: 11 }, (_, i) => ({ title: String(i) })) },
      },
      { '.carousel.items': ['must have at most 10 items'] },
    ],
    [
      'media URL that is not http(s)',
      { type: 'gif', gif: { mediaUrl: 'ftp://example.com/a.gif' } },
      { '.gif.mediaUrl': ['must be an http(s) URL'] },
    ],
    [
      'latitude as a string',
      { type: 'location', location: { coordinates: { latitude: '1', longitude: 2 } } },
      { '.location.coordinates.latitude': ['must be a number'] },
    ],
    [
      'html with empty html and text',
      { type: 'html', html: { html: '', text: '' } },
      { '.html': ['must have html or text'] },
    ],
    [
      'list without items',
      { type: 'list', list: { text: 'Pick', items: [] } },
      { '.list.items': ['must have at least 1 item'] },
    ],
    [
      'unknown action type',
      {
        type: 'carousel',
        carousel: {
          items: [{ title: 'a', actions: [{ type: 'call', call: {} }] }, { title: 'b' }],
        },
      },
      { '.carousel.items[0].actions[0].type': ['must be one of "link", "reply", "postback"'] },
    ],
  ])('rejects %s', (_name, body, details) => {
    expect(parseWithDetails(messageBodySchema, body)).toEqual({ ok: false, details });
  });
});

describe('templateSchema', () => {
  it('accepts a template with every field', () => {
    const template = {
      projectId: UUID,
      version: UUID,
      locale: 'pt-BR',
      parameters: [
        { type: 'string', key: 'name', value: 'Ann' },
        { type: 'number', key: 'count', value: 3 },
        { type: 'boolean', key: 'vip', value: true },
        { type: 'object', key: 'order', value: { id: 7 } },
      ],
      variables: { firstName: 'Ann' },
      attachments: [{ mediaUrl: MEDIA, filename: 'invoice.pdf' }],
    };
    expect(parseWithDetails(templateSchema, template)).toEqual({ ok: true, value: template });
  });

  it('rejects a bad project id, version, locale and parameter value', () => {
    const result = parseWithDetails(templateSchema, {
      projectId: 'p1',
      version: 'v2',
      locale: 'en_US',
      parameters: [{ type: 'number', key: 'n', value: '3' }],
    });
    expect(result).toEqual({
      ok: false,
      details: {
        '.projectId': ['must be a UUID'],
        '.version': ['must be "latest" or a UUID'],
        '.locale': ['must be a BCP 47 language tag like en-US'],
        '.parameters[0].value': ['must be a number'],
      },
    });
  });

  it('requires projectId, version and locale', () => {
    expect(parseWithDetails(templateSchema, {})).toEqual({
      ok: false,
      details: {
        '.projectId': ['required'],
        '.version': ['required'],
        '.locale': ['required'],
      },
    });
  });
});
