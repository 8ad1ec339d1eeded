import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock';
import { createSandbox } from '../create-sandbox';
import { buildStandaloneApp } from '../http/standalone-app';
import {
  ACCESS_KEY,
  CHANNELS,
  expectBirdError,
  startTestSandbox,
  type TestMessage,
  type TestSandbox,
} from './test-harness';

describe('control routes (_sandbox/)', () => {
  let t: TestSandbox;
  afterEach(async () => {
    await t.close();
  });

  it('GET info: workspace, channels and clock', async () => {
    t = await startTestSandbox();
    const response = await t.get('/_sandbox/info');
    expect(response.statusCode).toBe(200);
    const info = response.json<{
      workspaceId: string;
      channels: { id: string }[];
      clock: unknown;
    }>();
    expect(info.workspaceId).toBe(t.ws);
    expect(info.channels.map((c) => c.id)).toEqual([
      CHANNELS.sms,
      CHANNELS.whatsapp,
      CHANNELS.email,
      CHANNELS.telegram,
    ]);
    expect(info.clock).toEqual({ mode: 'manual', now: new Date(t.clock.now()).toISOString() });
  });

  it('POST clock/advance validates ms', async () => {
    t = await startTestSandbox();
    for (const body of [{}, { ms: -1 }, { ms: 1.5 }, { ms: '10' }, { ms: 10, extra: 1 }, []]) {
      expectBirdError(await t.post('/_sandbox/clock/advance', body), 422, 'InvalidPayload');
    }
    const before = t.clock.now();
    expect((await t.advance(1234)).statusCode).toBe(200);
    expect(t.clock.now()).toBe(before + 1234);
  });

  it('POST clock/advance is a 409 on the real clock', async () => {
    const sandbox = createSandbox({
      dataDir: ':memory:',
      clock: systemClock,
      accessKey: ACCESS_KEY,
    });
    const app = await buildStandaloneApp(sandbox);
    t = {
      close: async () => {
        await app.close();
        sandbox.close();
      },
    } as TestSandbox;
    const response = await app.inject({
      method: 'POST',
      url: '/_sandbox/clock/advance',
      headers: { authorization: `AccessKey ${ACCESS_KEY}` },
      payload: { ms: 1000 },
    });
    expectBirdError(response, 409, 'Conflict');
    const info = await app.inject({
      method: 'GET',
      url: '/_sandbox/info',
      headers: { authorization: `AccessKey ${ACCESS_KEY}` },
    });
    expect(info.json()).toMatchObject({ clock: { mode: 'real' } });
  });

  it('POST reset wipes messages, interactions, transitions and media; keeps the rest', async () => {
    t = await startTestSandbox();
    const message = await t.send(CHANNELS.email, 'click@example.com');
    await t.advance(600);
    const presigned = await t.post(
      `/workspaces/${t.ws}/channels/${CHANNELS.sms}/presigned-upload`,
      { contentType: 'image/png' },
    );
    expect(presigned.statusCode).toBe(200);
    const pending = await t.send(CHANNELS.sms, '+31612345678');

    const reset = await t.post('/_sandbox/reset');
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ workspaceId: t.ws });

    const all = await t.get(`/workspaces/${t.ws}/messages`);
    expect(all.json()).toEqual({ results: [] });
    expectBirdError(
      await t.get(`/workspaces/${t.ws}/channels/${CHANNELS.email}/messages/${message.id}`),
      404,
      'NotFound',
    );
    expect(t.sandbox.store.transitions.pendingForMessage(pending.id)).toEqual([]);
    expect(t.sandbox.scheduler.nextDueAt()).toBeUndefined();
    // Channels and keys stay; sending works as before.
    expect((await t.get(`/workspaces/${t.ws}/channels`)).statusCode).toBe(200);
    const again = await t.send(CHANNELS.sms, '+31612345678');
    await t.advance(1000);
    expect(
      (
        await t.get(`/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages/${again.id}`)
      ).json<TestMessage>().status,
    ).toBe('delivered');
    expectBirdError(await t.post('/_sandbox/reset', { everything: true }), 422, 'InvalidPayload');
  });

  it('POST seed adds generated messages', async () => {
    t = await startTestSandbox();
    const response = await t.post('/_sandbox/seed', { messages: 25 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ seeded: 25 });
    const page = (await t.get(`/workspaces/${t.ws}/messages?limit=100`)).json<{
      results: unknown[];
    }>();
    expect(page.results.length).toBeGreaterThanOrEqual(25);
    for (const body of [{}, { messages: 0 }, { messages: 50_001 }, { messages: 'many' }]) {
      expectBirdError(await t.post('/_sandbox/seed', body), 422, 'InvalidPayload');
    }
  });

  it('POST inbound stores an incoming message from the given contact', async () => {
    t = await startTestSandbox();
    const response = await t.post('/_sandbox/inbound', {
      channelId: CHANNELS.sms,
      from: '+31612345678',
      body: { type: 'text', text: { text: 'Where is my order?' } },
    });
    expect(response.statusCode).toBe(201);
    const message = response.json<TestMessage>();
    const now = new Date(t.clock.now()).toISOString();
    expect(message).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      channelId: CHANNELS.sms,
      direction: 'incoming',
      status: 'delivered',
      lastStatusAt: now,
      createdAt: now,
      updatedAt: now,
      sender: {
        contact: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
          identifierKey: 'phonenumber',
          identifierValue: '+31612345678',
        },
      },
      receiver: {
        connector: { id: '2a6f0d1e-9b3c-4e7a-a1d5-7c8e0f2b3a01', identifierValue: '+14155550100' },
      },
      body: { type: 'text', text: { text: 'Where is my order?' } },
      reference: '',
      tags: [],
      parts: [{ platformReference: expect.any(String) as unknown }],
      reason: '',
      details: '',
    });
    const stored = await t.get(
      `/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages/${message.id}`,
    );
    expect(stored.json()).toEqual(message);
  });

  it('POST inbound validates its body, the channel and the sender', async () => {
    t = await startTestSandbox();
    const body = expectBirdError(
      await t.post('/_sandbox/inbound', { channelId: 'x', body: { type: 'text' } }),
      422,
      'InvalidPayload',
    );
    expect(Object.keys(body.details ?? {}).sort()).toEqual(['.body.text', '.channelId', '.from']);
    const text = { type: 'text', text: { text: 'hi' } };
    expectBirdError(
      await t.post('/_sandbox/inbound', {
        channelId: '00000000-0000-4000-8000-000000000000',
        from: '+31612345678',
        body: text,
      }),
      404,
      'NotFound',
    );
    expectBirdError(
      await t.post('/_sandbox/inbound', {
        channelId: CHANNELS.telegram,
        from: '@someone',
        body: text,
      }),
      409,
      'Conflict',
    );
    const from = expectBirdError(
      await t.post('/_sandbox/inbound', {
        channelId: CHANNELS.email,
        from: 'not-mail',
        body: text,
      }),
      422,
      'InvalidPayload',
    );
    expect(from.details).toEqual({ '.from': ['must be an email address'] });
  });
});
