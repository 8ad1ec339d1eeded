import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/bird/message';
import { contentPreview, recipientsOf, senderOf } from './message-fields';

const outgoing = {
  id: '11111111-1111-4111-8111-111111111111',
  channelId: '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
  status: 'sent',
  lastStatusAt: '2026-11-27T12:00:00.000Z',
  createdAt: '2026-11-27T12:00:00.000Z',
  updatedAt: '2026-11-27T12:00:00.000Z',
  reference: '',
  tags: [],
  reason: '',
  details: '',
  direction: 'outgoing',
  sender: {
    connector: { id: '22222222-2222-4222-8222-222222222222', identifierValue: '+14155550100' },
  },
  receiver: {
    contacts: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        identifierKey: 'phonenumber',
        identifierValue: '+31600000001',
      },
      {
        id: '44444444-4444-4444-8444-444444444444',
        identifierKey: 'phonenumber',
        identifierValue: '+31600000002',
      },
    ],
  },
  body: { type: 'text', text: { text: '  Hello\n\nthere  ' } },
} satisfies Message;

const incoming = {
  ...outgoing,
  direction: 'incoming',
  sender: {
    contact: {
      id: '33333333-3333-4333-8333-333333333333',
      identifierKey: 'phonenumber',
      identifierValue: '+31600000001',
    },
  },
  receiver: {
    connector: { id: '22222222-2222-4222-8222-222222222222', identifierValue: '+14155550100' },
  },
} satisfies Message;

describe('message fields', () => {
  it('names the sender and the recipients of either direction', () => {
    expect(senderOf(outgoing)).toBe('+14155550100');
    expect(recipientsOf(outgoing)).toEqual(['+31600000001', '+31600000002']);
    expect(senderOf(incoming)).toBe('+31600000001');
    expect(recipientsOf(incoming)).toEqual(['+14155550100']);
  });

  it('previews text on one line, the email subject, or the media type', () => {
    expect(contentPreview(outgoing)).toEqual({ kind: 'text', text: 'Hello there' });
    expect(
      contentPreview({
        ...outgoing,
        body: { type: 'html', html: { html: '<p>Hi</p>', metadata: { subject: 'Your invoice' } } },
      }),
    ).toEqual({ kind: 'subject', text: 'Your invoice' });
    expect(
      contentPreview({
        ...outgoing,
        body: { type: 'image', image: { images: [{ mediaUrl: 'https://x/a.png' }], text: 'Look' } },
      }),
    ).toEqual({ kind: 'media', text: 'Image · Look' });
    expect(
      contentPreview({
        ...outgoing,
        body: {
          type: 'file',
          file: { files: [{ mediaUrl: 'https://x/a.pdf', contentType: 'application/pdf' }] },
        },
      }),
    ).toEqual({ kind: 'media', text: 'File (application/pdf)' });
    expect(contentPreview({ ...outgoing, body: undefined })).toEqual({ kind: 'empty', text: '' });
  });

  it('cuts long text', () => {
    const long = contentPreview({
      ...outgoing,
      body: { type: 'text', text: { text: 'x'.repeat(500) } },
    });
    expect(long.text).toHaveLength(160);
    expect(long.text.endsWith('…')).toBe(true);
  });
});
