import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createSandbox } from './create-sandbox';
import { birdFrameworkErrors } from './http/error-handler';
import { sandboxPlugin } from './plugin';
import {
  ACCESS_KEY,
  CHANNELS,
  expectBirdError,
  READ_ONLY_KEY,
  startTestSandbox,
  type TestSandbox,
} from './routes/test-harness';

const ID = '00000000-0000-4000-8000-000000000000';

/** Every route the sandbox serves, with a harmless body for the POSTs. */
function routes(ws: string): [method: 'GET' | 'POST', url: string, body?: unknown][] {
  const ch = CHANNELS.sms;
  return [
    ['GET', `/workspaces/${ws}/channels`],
    ['GET', `/workspaces/${ws}/channels/${ch}`],
    ['POST', `/workspaces/${ws}/channels/${ch}/messages`, {}],
    ['POST', `/workspaces/${ws}/channels/${ch}/batch/messages`, {}],
    ['GET', `/workspaces/${ws}/channels/${ch}/messages`],
    ['GET', `/workspaces/${ws}/messages`],
    ['GET', `/workspaces/${ws}/channels/${ch}/messages/${ID}`],
    ['GET', `/workspaces/${ws}/channels/${ch}/messages/${ID}/interactions`],
    ['POST', `/workspaces/${ws}/channels/${ch}/presigned-upload`, { contentType: 'image/png' }],
    ['POST', `/workspaces/${ws}/channel-media/presigned-upload`, { contentType: 'image/png' }],
    ['GET', `/workspaces/${ws}/channels/${ch}/media/${ID}`],
    ['GET', `/workspaces/${ws}/messages/${ID}/media/${ID}`],
    ['GET', '/_sandbox/info'],
    ['POST', '/_sandbox/clock/advance', { ms: 0 }],
    ['POST', '/_sandbox/reset', {}],
    ['POST', '/_sandbox/seed', { messages: 1 }],
    ['POST', '/_sandbox/inbound', {}],
  ];
}

describe('sandbox plugin', () => {
  let t: TestSandbox;
  afterEach(async () => {
    await t.close();
  });

  it('answers 401 with a Bird body on every route without a valid key', async () => {
    t = await startTestSandbox();
    for (const [method, url, body] of routes(t.ws)) {
      for (const authorization of [undefined, 'AccessKey nope-nope-nope', `Basic ${ACCESS_KEY}`]) {
        const response = await t.app.inject({
          method,
          url,
          headers: authorization === undefined ? {} : { authorization },
          ...(body === undefined ? {} : { payload: body as object }),
        });
        expectBirdError(response, 401, 'Unauthorized');
      }
    }
  });

  it('answers 403 to every POST with the read-only key, and lets it read', async () => {
    t = await startTestSandbox();
    for (const [method, url, body] of routes(t.ws)) {
      const response =
        method === 'POST'
          ? await t.post(url, body, READ_ONLY_KEY)
          : await t.get(url, READ_ONLY_KEY);
      if (method === 'POST') expectBirdError(response, 403, 'Forbidden');
      else expect(response.statusCode, url).not.toBe(403);
    }
  });

  it('answers unknown routes and wrong methods with a 404 Bird body', async () => {
    t = await startTestSandbox();
    expectBirdError(await t.get('/nothing/here'), 404, 'NotFound');
    expectBirdError(await t.get('/_sandbox/nothing'), 404, 'NotFound');
    expectBirdError(await t.post(`/workspaces/${t.ws}/channels`, {}), 404, 'NotFound');
    expectBirdError(
      await t.request({ method: 'DELETE', url: `/workspaces/${t.ws}/channels/${CHANNELS.sms}` }),
      404,
      'NotFound',
    );
    expectBirdError(await t.get(`/workspaces/${t.ws}/channels/`), 404, 'NotFound');
    expectBirdError(
      await t.app.inject({ method: 'GET', url: '/nothing/here' }),
      401,
      'Unauthorized',
    );
  });

  it('answers router-level errors with Bird bodies', async () => {
    t = await startTestSandbox();
    expectBirdError(await t.get(`/workspaces/${t.ws}/channels/%E0%A4%A`), 400, 'BadRequest');
    expectBirdError(
      await t.get(`/workspaces/${t.ws}/channels/${'a'.repeat(500)}`),
      404,
      'NotFound',
    );
  });

  it('limits GETs to 50 and POSTs to 500 per clock second, with Retry-After', async () => {
    t = await startTestSandbox({ rateLimits: true });
    t.clock.set(Date.parse('2026-11-27T12:00:00.400Z'));
    const url = `/workspaces/${t.ws}/channels`;
    for (let i = 0; i < 50; i += 1) expect((await t.get(url)).statusCode).toBe(200);
    const limited = await t.get(url);
    expectBirdError(limited, 429, 'TooManyRequests');
    expect(limited.headers['retry-after']).toBe('1');
    // POSTs have their own budget, and the controls are never limited.
    const send = `/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages`;
    const body = {
      receiver: { contacts: [{ identifierValue: '+31612345678' }] },
      body: { type: 'text', text: { text: 'hi' } },
    };
    for (let i = 0; i < 500; i += 1) expect((await t.post(send, body)).statusCode).toBe(202);
    expectBirdError(await t.post(send, body), 429, 'TooManyRequests');
    expect((await t.get('/_sandbox/info')).statusCode).toBe(200);
    // The next clock second has a fresh budget.
    t.clock.advance(600);
    expect((await t.get(url)).statusCode).toBe(200);
    expect((await t.post(send, body)).statusCode).toBe(202);
  });

  it('does not limit when rate limits are off', async () => {
    t = await startTestSandbox({ rateLimits: false });
    for (let i = 0; i < 60; i += 1) {
      expect((await t.get(`/workspaces/${t.ws}/channels`)).statusCode).toBe(200);
    }
  });

  it('mounts under a prefix and hands out URLs with it', async () => {
    t = await startTestSandbox();
    const clock = new ManualClock();
    const sandbox = createSandbox({ dataDir: ':memory:', clock, accessKey: ACCESS_KEY });
    const perch = Fastify({ frameworkErrors: birdFrameworkErrors });
    perch.get('/healthz', () => ({ status: 'ok' }));
    await perch.register(sandboxPlugin, { sandbox, prefix: '/sandbox' });
    const headers = { authorization: `AccessKey ${ACCESS_KEY}`, host: 'perch.test:8080' };
    try {
      const ws = sandbox.workspaceId;
      const channels = await perch.inject({
        method: 'GET',
        url: `/sandbox/workspaces/${ws}/channels`,
        headers,
      });
      expect(channels.statusCode).toBe(200);
      const info = await perch.inject({ method: 'GET', url: '/sandbox/_sandbox/info', headers });
      expect(info.json()).toMatchObject({ workspaceId: ws, clock: { mode: 'manual' } });
      const presigned = await perch.inject({
        method: 'POST',
        url: `/sandbox/workspaces/${ws}/channels/${CHANNELS.sms}/presigned-upload`,
        headers,
        payload: { contentType: 'image/png' },
      });
      expect(presigned.json()).toMatchObject({
        mediaUrl: expect.stringMatching(
          new RegExp(`^http://perch\\.test:8080/sandbox/workspaces/${ws}/channels/`),
        ) as unknown,
        uploadUrl: expect.stringMatching(/^http:\/\/perch\.test:8080\/sandbox\//) as unknown,
      });
      // Perch's own routes are untouched; unknown /sandbox paths are Bird 404s.
      expect((await perch.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expectBirdError(
        await perch.inject({ method: 'GET', url: '/sandbox/nope', headers }),
        404,
        'NotFound',
      );
    } finally {
      await perch.close();
      sandbox.close();
    }
  });

  it('rewrites stored sandbox.invalid URLs to the serving origin', async () => {
    t = await startTestSandbox();
    const inbound = await t.post('/_sandbox/inbound', {
      channelId: CHANNELS.whatsapp,
      from: '+31612345678',
      body: {
        type: 'image',
        image: { images: [{ mediaUrl: `https://sandbox.invalid/workspaces/${t.ws}/x.png` }] },
      },
    });
    expect(inbound.statusCode).toBe(201);
    const response = await t.request({
      method: 'GET',
      url: `/workspaces/${t.ws}/messages?direction=incoming`,
      headers: { host: 'example.test:4010' },
    });
    expect(response.json()).toMatchObject({
      results: [
        {
          body: {
            image: { images: [{ mediaUrl: `http://example.test:4010/workspaces/${t.ws}/x.png` }] },
          },
        },
      ],
    });
  });
});
