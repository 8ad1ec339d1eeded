import { describe, expect, it } from 'vitest';
import type { IncomingMessage, OutgoingMessage } from '@/lib/bird/message';
import {
  composePrefillPath,
  draftFromMessage,
  prefillModeFor,
  readComposeAddress,
} from './compose-prefill';

const CHANNEL = '22222222-2222-4222-8222-222222222222';
const times = {
  createdAt: '2026-11-27T10:00:00.000Z',
  lastStatusAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};
const outgoing: OutgoingMessage = {
  id: '11111111-1111-4111-8111-111111111111',
  channelId: CHANNEL,
  direction: 'outgoing',
  status: 'delivered',
  ...times,
  sender: { connector: { id: '33333333-3333-4333-8333-333333333333', identifierValue: 'x' } },
  receiver: {
    contacts: [
      {
        id: '44444444-4444-4444-8444-444444444444',
        identifierKey: 'emailaddress',
        identifierValue: 'ann@example.com',
        type: 'cc',
      },
    ],
  },
  body: { type: 'text', text: { text: 'Hello' } },
  reference: 'ref-1',
  tags: ['vip'],
  reason: '',
  details: '',
};
const incoming: IncomingMessage = {
  id: '55555555-5555-4555-8555-555555555555',
  channelId: CHANNEL,
  direction: 'incoming',
  status: 'delivered',
  ...times,
  sender: {
    contact: {
      id: '66666666-6666-4666-8666-666666666666',
      identifierKey: 'phonenumber',
      identifierValue: '+31612345678',
    },
  },
  receiver: { connector: { id: '33333333-3333-4333-8333-333333333333', identifierValue: 'x' } },
  body: { type: 'text', text: { text: 'Thanks!' } },
  reference: '',
  tags: [],
  reason: '',
  details: '',
};

describe('compose prefill in the address', () => {
  it('round-trips through the composer path', () => {
    const prefill = { mode: 'reply' as const, channelId: CHANNEL, messageId: incoming.id };
    const path = composePrefillPath(prefill);
    expect(path).toBe(`/compose?mode=reply&channelId=${CHANNEL}&messageId=${incoming.id}`);
    expect(readComposeAddress(new URL(path, 'http://x').searchParams).prefill).toEqual(prefill);
  });

  it('reads nothing from a missing or malformed message prefill', () => {
    expect(readComposeAddress(new URLSearchParams()).prefill).toBeNull();
    for (const search of [
      { mode: 'forward', channelId: CHANNEL, messageId: incoming.id },
      { mode: 'reply', channelId: 'x', messageId: incoming.id },
    ]) {
      expect(readComposeAddress(new URLSearchParams(search)).prefill).toBeNull();
    }
  });
});

const MEDIA_URL = `https://media.api.bird.com/workspaces/w/channels/${CHANNEL}/media/m-1`;

describe('media prefill in the address', () => {
  it('round-trips uploaded media with its name, type and channel', () => {
    const prefill = {
      mode: 'media' as const,
      mediaUrl: MEDIA_URL,
      filename: 'report 2026.pdf',
      contentType: 'application/pdf',
      channelId: CHANNEL,
    };
    const path = composePrefillPath(prefill);
    expect(path).toMatch(/^\/compose\?mode=media&mediaUrl=https%3A%2F%2F/);
    expect(readComposeAddress(new URL(path, 'http://x').searchParams)).toEqual({
      prefill,
      ignored: [],
    });
  });

  it('keeps the valid values and names each malformed one it ignores', () => {
    const address = readComposeAddress(
      new URLSearchParams({
        mode: 'media',
        mediaUrl: MEDIA_URL,
        filename: '../../etc/passwd',
        contentType: 'not a type',
        channelId: 'nope',
      }),
    );
    expect(address).toEqual({
      prefill: { mode: 'media', mediaUrl: MEDIA_URL },
      ignored: ['the file name', 'the content type', 'the channel'],
    });
    for (const filename of ['a\u202Egnp.exe', 'x'.repeat(81), 'tab\there', '..']) {
      const search = new URLSearchParams({ mode: 'media', mediaUrl: MEDIA_URL, filename });
      expect(readComposeAddress(search).ignored).toEqual(['the file name']);
    }
  });

  it('ignores the whole prefill without a usable media URL', () => {
    for (const mediaUrl of ['', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      expect(readComposeAddress(new URLSearchParams({ mode: 'media', mediaUrl }))).toEqual({
        prefill: null,
        ignored: ['the media URL (not an http(s) URL)'],
      });
    }
    expect(readComposeAddress(new URLSearchParams({ mode: 'media' })).prefill).toBeNull();
  });

  it('says when a message prefill is malformed, and nothing when there is none', () => {
    expect(readComposeAddress(new URLSearchParams())).toEqual({ prefill: null, ignored: [] });
    expect(
      readComposeAddress(new URLSearchParams({ mode: 'forward', channelId: CHANNEL })).ignored,
    ).toEqual(['the message to start from (a malformed link)']);
  });
});

describe('draftFromMessage', () => {
  it('duplicates an outgoing message: receivers, content, reference, tags', () => {
    expect(prefillModeFor(outgoing)).toBe('duplicate');
    expect(draftFromMessage(outgoing, 'duplicate')).toEqual({
      channelId: CHANNEL,
      receiver: {
        contacts: [
          { identifierKey: 'emailaddress', identifierValue: 'ann@example.com', type: 'cc' },
        ],
      },
      body: { type: 'text', text: { text: 'Hello' } },
      reference: 'ref-1',
      tags: ['vip'],
    });
    expect(draftFromMessage(outgoing, 'reply')).toBeNull();
  });

  it('replies to an incoming message: to its sender, with replyTo, no content', () => {
    expect(prefillModeFor(incoming)).toBe('reply');
    expect(draftFromMessage(incoming, 'reply')).toEqual({
      channelId: CHANNEL,
      receiver: { contacts: [{ identifierKey: 'phonenumber', identifierValue: '+31612345678' }] },
      replyTo: { id: incoming.id, type: 'message' },
    });
    expect(draftFromMessage(incoming, 'duplicate')).toBeNull();
  });
});
