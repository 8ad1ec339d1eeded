import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { ManualClock } from '../clock';
import { parseConfig } from '../config';
import { createSandbox, type Sandbox } from './create-sandbox';
import { CHANNELS, expectBirdError } from './routes/test-harness';

/** The sandbox inside Perch: Bird's paths below /sandbox, behind Perch's own security. */
describe('sandbox mounted in Perch', () => {
  let sandbox: Sandbox;
  let app: FastifyInstance;
  const key = 'perch-sandbox-key-01';
  const headers = { authorization: `AccessKey ${key}`, host: '127.0.0.1:8080' };

  beforeEach(async () => {
    const parsed = parseConfig(['--data-dir', ':memory:'], {});
    if (parsed.kind !== 'config') throw new Error('expected a config');
    sandbox = createSandbox({ dataDir: ':memory:', clock: new ManualClock(), accessKey: key });
    app = buildApp({ config: parsed.config, sandbox, distDir: null });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    sandbox.close();
  });

  it('serves sends, lists and controls below /sandbox', async () => {
    const ws = sandbox.workspaceId;
    const sent = await app.inject({
      method: 'POST',
      url: `/sandbox/workspaces/${ws}/channels/${CHANNELS.sms}/messages`,
      headers,
      payload: {
        receiver: { contacts: [{ identifierValue: '+31612349993' }] },
        body: { type: 'text', text: { text: 'hi' } },
      },
    });
    expect(sent.statusCode).toBe(202);
    const advanced = await app.inject({
      method: 'POST',
      url: '/sandbox/_sandbox/clock/advance',
      headers,
      payload: { ms: 5000 },
    });
    expect(advanced.statusCode).toBe(200);
    const list = await app.inject({
      method: 'GET',
      url: `/sandbox/workspaces/${ws}/messages?limit=5`,
      headers,
    });
    expect(list.json<{ results: { direction: string; status: string }[] }>().results).toEqual([
      expect.objectContaining({ direction: 'incoming' }) as unknown,
      expect.objectContaining({ direction: 'outgoing', status: 'delivered' }) as unknown,
    ]);
  });

  it('answers errors below /sandbox with Bird bodies', async () => {
    const ws = sandbox.workspaceId;
    expectBirdError(
      await app.inject({ method: 'GET', url: `/sandbox/workspaces/${ws}/channels` }),
      401,
      'Unauthorized',
    );
    expectBirdError(
      await app.inject({ method: 'GET', url: '/sandbox/nothing', headers }),
      404,
      'NotFound',
    );
    expectBirdError(
      await app.inject({
        method: 'GET',
        url: `/sandbox/workspaces/${ws}/channels/%E0%A4%A`,
        headers,
      }),
      400,
      'BadRequest',
    );
    const tooBig = await app.inject({
      method: 'POST',
      url: `/sandbox/workspaces/${ws}/channels/${CHANNELS.sms}/messages`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: `{"reference":"${'x'.repeat(1024 * 1024)}"}`,
    });
    expectBirdError(tooBig, 413, 'PayloadTooLarge');
  });
});
