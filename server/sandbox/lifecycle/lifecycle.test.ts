import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNELS,
  startTestSandbox,
  type TestMessage,
  type TestSandbox,
} from '../routes/test-harness';
import { STEP_MS } from './plan';

interface Interaction {
  type: string;
  details: string;
  createdAt: string;
  messageId: string;
  channelId: string;
  platformId: string;
  messageReference: string;
  messageTags: string[];
  messagePartsCount: number;
  receiver: { contacts: { identifierValue: string }[] };
  metadata?: Record<string, unknown>;
}

describe('message lifecycle on the manual clock', () => {
  let t: TestSandbox;
  let start: number;
  beforeEach(async () => {
    t = await startTestSandbox();
    start = t.clock.now();
  });
  afterEach(async () => {
    await t.close();
  });

  const at = (offset: number) => new Date(start + offset).toISOString();
  const read = async (channelId: string, id: string) =>
    (await t.get(`/workspaces/${t.ws}/channels/${channelId}/messages/${id}`)).json<TestMessage>();
  const interactions = async (channelId: string, id: string) =>
    (await t.get(`/workspaces/${t.ws}/channels/${channelId}/messages/${id}/interactions?limit=100`))
      .json<{ results: Interaction[] }>()
      .results.reverse();

  /** Advances step by step, recording the status and timestamps after each step. */
  async function walk(channelId: string, id: string, steps: number) {
    const seen: { status: string; lastStatusAt: unknown; updatedAt: unknown }[] = [];
    for (let i = 0; i < steps; i += 1) {
      const response = await t.advance(STEP_MS);
      expect(response.statusCode).toBe(200);
      const message = await read(channelId, id);
      seen.push({
        status: message.status,
        lastStatusAt: message.lastStatusAt,
        updatedAt: message.updatedAt,
      });
    }
    return seen;
  }

  it('ordinary phone numbers: accepted → processing → sent → delivered, 300 ms apart', async () => {
    const message = await t.send(CHANNELS.sms, '+31612345678');
    expect(message.status).toBe('accepted');
    const seen = await walk(CHANNELS.sms, message.id, 4);
    expect(seen).toEqual([
      { status: 'processing', lastStatusAt: at(300), updatedAt: at(300) },
      { status: 'sent', lastStatusAt: at(600), updatedAt: at(600) },
      { status: 'delivered', lastStatusAt: at(900), updatedAt: at(900) },
      { status: 'delivered', lastStatusAt: at(900), updatedAt: at(900) },
    ]);
    expect(await read(CHANNELS.sms, message.id)).toMatchObject({
      createdAt: at(0),
      reason: '',
      details: '',
    });
    expect(await interactions(CHANNELS.sms, message.id)).toEqual([]);
  });

  it('one advance applies every due step in order', async () => {
    const message = await t.send(CHANNELS.sms, '+31612345678');
    const response = await t.advance(60_000);
    expect(response.json()).toEqual({
      clock: { mode: 'manual', now: at(60_000) },
      applied: 3,
    });
    expect(await read(CHANNELS.sms, message.id)).toMatchObject({
      status: 'delivered',
      lastStatusAt: at(900),
    });
  });

  it('…9990: delivery_failed, unknown_subscriber, failure 15005', async () => {
    const message = await t.send(CHANNELS.sms, '+31612349990');
    const seen = await walk(CHANNELS.sms, message.id, 3);
    expect(seen.map((s) => s.status)).toEqual(['processing', 'sent', 'delivery_failed']);
    expect(await read(CHANNELS.sms, message.id)).toMatchObject({
      status: 'delivery_failed',
      lastStatusAt: at(900),
      reason: expect.stringMatching(/subscriber/i) as unknown,
      details: 'unknown_subscriber',
      failure: {
        code: 15005,
        description: expect.any(String) as unknown,
        source: { name: 'sms-messagebird', code: 'unknown_subscriber' },
      },
    });
  });

  it('…9991: sending_failed, failure 12003 unsupported destination', async () => {
    const message = await t.send(CHANNELS.whatsapp, '+31612349991');
    const seen = await walk(CHANNELS.whatsapp, message.id, 3);
    expect(seen.map((s) => s.status)).toEqual(['processing', 'sending_failed', 'sending_failed']);
    expect(await read(CHANNELS.whatsapp, message.id)).toMatchObject({
      lastStatusAt: at(600),
      reason: expect.stringMatching(/destination/i) as unknown,
      failure: { code: 12003, description: 'Unsupported destination' },
    });
  });

  it('…9992: stays sent', async () => {
    const message = await t.send(CHANNELS.sms, '+31612349992');
    await t.advance(3_600_000);
    expect(await read(CHANNELS.sms, message.id)).toMatchObject({
      status: 'sent',
      lastStatusAt: at(600),
    });
  });

  it('…9993: delivered, then "Thanks!" comes back on the same channel', async () => {
    const message = await t.send(CHANNELS.sms, '+31612349993', { reference: 'r1' });
    await walk(CHANNELS.sms, message.id, 3);
    const before = await t.get(`/workspaces/${t.ws}/messages?direction=incoming`);
    expect(before.json<{ results: unknown[] }>().results).toEqual([]);
    await t.advance(STEP_MS);
    const incoming = (
      await t.get(`/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages?direction=incoming`)
    ).json<{ results: TestMessage[] }>().results;
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({
      channelId: CHANNELS.sms,
      direction: 'incoming',
      status: 'delivered',
      createdAt: at(1200),
      sender: { contact: { identifierKey: 'phonenumber', identifierValue: '+31612349993' } },
      receiver: { connector: { identifierValue: '+14155550100' } },
      body: { type: 'text', text: { text: 'Thanks!' } },
      replyTo: { id: message.id, type: 'message' },
    });
    const fromRecipient = (await t.get(`/workspaces/${t.ws}/messages?from=%2B31612349993`)).json<{
      results: TestMessage[];
    }>().results;
    expect(fromRecipient.map((m) => m.id)).toEqual([incoming[0]?.id]);
  });

  it('…9994: delivered, then an image reply whose media the sandbox serves', async () => {
    const message = await t.send(CHANNELS.whatsapp, '+31612349994');
    await t.advance(10_000);
    const incoming = (await t.get(`/workspaces/${t.ws}/messages?direction=incoming`)).json<{
      results: TestMessage[];
    }>().results;
    expect(incoming).toHaveLength(1);
    const reply = incoming[0] as TestMessage & {
      body: { type: string; image: { images: { mediaUrl: string }[] } };
    };
    expect(reply).toMatchObject({
      channelId: CHANNELS.whatsapp,
      createdAt: at(1200),
      replyTo: { id: message.id, type: 'message' },
      body: { type: 'image' },
    });
    const url = reply.body.image.images[0]?.mediaUrl ?? '';
    // Stored on https://sandbox.invalid, served as this server's own origin.
    expect(url).toMatch(
      new RegExp(
        `^http://localhost:80/workspaces/${t.ws}/messages/${reply.id}/media/[0-9a-f-]{36}$`,
      ),
    );
    const image = await t.get(url.replace('http://localhost:80', ''));
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    // E12 needs the key like every route.
    const anonymous = await t.app.inject({
      method: 'GET',
      url: url.replace('http://localhost:80', ''),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('…9995 on WhatsApp: delivered, read, then a reaction', async () => {
    const message = await t.send(CHANNELS.whatsapp, '+31612349995', { tags: ['VIP'] });
    await t.advance(10_000);
    expect(await read(CHANNELS.whatsapp, message.id)).toMatchObject({ status: 'delivered' });
    const list = await interactions(CHANNELS.whatsapp, message.id);
    expect(list).toEqual([
      expect.objectContaining({ type: 'read', createdAt: at(1200) }) as unknown,
      expect.objectContaining({
        type: 'reaction',
        createdAt: at(1500),
        metadata: { reaction: { emoji: '👍', action: 'react' } },
      }) as unknown,
    ]);
    expect(list[0]).toMatchObject({
      messageId: message.id,
      channelId: CHANNELS.whatsapp,
      platformId: 'whatsapp',
      messageReference: '',
      messageTags: ['vip'],
      messagePartsCount: 1,
      receiver: { contacts: [{ identifierValue: '+31612349995' }] },
    });
  });

  it('…9995 on SMS is an ordinary recipient', async () => {
    const message = await t.send(CHANNELS.sms, '+31612349995');
    await t.advance(10_000);
    expect(await read(CHANNELS.sms, message.id)).toMatchObject({ status: 'delivered' });
    expect(await interactions(CHANNELS.sms, message.id)).toEqual([]);
  });

  const email = (to: string) => ({
    receiver: { contacts: [{ identifierValue: to }] },
    body: {
      type: 'html',
      html: {
        html: '<p>See <a href="https://shop.example.com/sale">the sale</a></p>',
        metadata: { subject: 'Sale' },
      },
    },
  });
  const sendEmail = async (to: string) =>
    (
      await t.post(`/workspaces/${t.ws}/channels/${CHANNELS.email}/messages`, email(to))
    ).json<TestMessage>();

  it('ordinary email: delivered, then opened', async () => {
    const message = await sendEmail('ann@example.com');
    const seen = await walk(CHANNELS.email, message.id, 4);
    expect(seen.map((s) => s.status)).toEqual(['processing', 'sent', 'delivered', 'delivered']);
    expect(await interactions(CHANNELS.email, message.id)).toEqual([
      expect.objectContaining({
        type: 'opened',
        details: 'initial_open',
        createdAt: at(1200),
      }) as unknown,
    ]);
  });

  it('bounce@: delivery_failed with bounceHard', async () => {
    const message = await sendEmail('bounce@example.com');
    const seen = await walk(CHANNELS.email, message.id, 4);
    expect(seen.map((s) => s.status)).toEqual([
      'processing',
      'sent',
      'delivery_failed',
      'delivery_failed',
    ]);
    expect(await read(CHANNELS.email, message.id)).toMatchObject({
      details: 'bounceHard',
      reason: expect.stringMatching(/bounce/i) as unknown,
    });
    expect(await interactions(CHANNELS.email, message.id)).toEqual([]);
  });

  it('click@: delivered, opened, then clicked with the link', async () => {
    const message = await sendEmail('click@example.com');
    await t.advance(10_000);
    expect(await interactions(CHANNELS.email, message.id)).toEqual([
      expect.objectContaining({ type: 'opened', createdAt: at(1200) }) as unknown,
      expect.objectContaining({
        type: 'clicked',
        details: 'click',
        createdAt: at(1500),
        metadata: { link: { name: 'the sale', url: 'https://shop.example.com/sale' } },
      }) as unknown,
    ]);
  });

  it('spam@: delivered, then reported as spam', async () => {
    const message = await sendEmail('spam@example.com');
    await t.advance(10_000);
    expect(await read(CHANNELS.email, message.id)).toMatchObject({ status: 'delivered' });
    expect((await interactions(CHANNELS.email, message.id)).map((i) => i.type)).toEqual([
      'reported-as-spam',
    ]);
  });

  it('scheduled: stays scheduled until scheduledFor, then accepted and on its way', async () => {
    const scheduledFor = at(60_000);
    const message = await t.send(CHANNELS.sms, '+31612345678', { scheduledFor });
    expect(message).toMatchObject({ status: 'scheduled', scheduledFor, lastStatusAt: at(0) });
    await t.advance(59_999);
    expect(await read(CHANNELS.sms, message.id)).toMatchObject({ status: 'scheduled' });
    await t.advance(1);
    expect(await read(CHANNELS.sms, message.id)).toMatchObject({
      status: 'accepted',
      lastStatusAt: scheduledFor,
      updatedAt: scheduledFor,
    });
    const seen = await walk(CHANNELS.sms, message.id, 3);
    expect(seen).toEqual([
      { status: 'processing', lastStatusAt: at(60_300), updatedAt: at(60_300) },
      { status: 'sent', lastStatusAt: at(60_600), updatedAt: at(60_600) },
      { status: 'delivered', lastStatusAt: at(60_900), updatedAt: at(60_900) },
    ]);
  });

  it('messages on several channels interleave by due time', async () => {
    const a = await t.send(CHANNELS.sms, '+31611111111');
    t.clock.advance(100);
    const b = await t.send(CHANNELS.whatsapp, '+31622222222');
    await t.advance(400);
    expect((await read(CHANNELS.sms, a.id)).status).toBe('processing');
    expect((await read(CHANNELS.whatsapp, b.id)).status).toBe('processing');
    await t.advance(150);
    expect((await read(CHANNELS.sms, a.id)).status).toBe('sent');
    expect((await read(CHANNELS.whatsapp, b.id)).status).toBe('processing');
  });
});
