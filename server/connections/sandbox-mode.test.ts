import Fastify, { type FastifyInstance } from 'fastify';
import { FormData, Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelListSchema } from '../../src/lib/bird/channel';
import { perchPresignedUploadSchema } from '../../src/lib/perch/upload';
import { ManualClock } from '../clock';
import { createSandbox, type Sandbox } from '../sandbox/create-sandbox';
import { encodePng } from '../sandbox/media/png';
import { sandboxPlugin } from '../sandbox/plugin';
import { connectionsPlugin } from './plugin';

/**
 * Sandbox mode against the real in-process sandbox, on a real port: the server finds its own
 * loopback address, connects with the sandbox's key, lists, presigns, relays an upload to
 * the sandbox and reads the stored media back through /media.
 */
describe('sandbox mode, end to end', () => {
  const accessKey = 'sandbox-mode-key-5Vb8Qw2Lm';
  let sandbox: Sandbox;
  let app: FastifyInstance;
  let pool: Pool;
  let origin: string;
  let cookie: string | undefined;

  beforeAll(async () => {
    const clock = new ManualClock();
    sandbox = createSandbox({ dataDir: ':memory:', clock, accessKey, rateLimits: false });
    app = Fastify();
    await app.register(sandboxPlugin, { sandbox, prefix: '/sandbox' });
    await app.register(connectionsPlugin, {
      clock,
      bird: { apiBase: 'https://api.bird.invalid', mediaBase: 'https://media.bird.invalid' },
      sandbox,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    origin = `http://127.0.0.1:${String(address.port)}`;
    pool = new Pool(origin);
  });
  afterAll(async () => {
    await pool.close();
    await app.close();
    sandbox.close();
  });

  const send = async (
    method: 'GET' | 'POST',
    path: string,
    options: { json?: unknown; form?: FormData } = {},
  ) => {
    const response = await pool.request({
      method,
      path,
      headers: {
        origin,
        ...(cookie === undefined ? {} : { cookie }),
        ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.json === undefined ? (options.form ?? null) : JSON.stringify(options.json),
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    expect(body.toString('latin1')).not.toContain(accessKey);
    return { status: response.statusCode, headers: response.headers, body };
  };

  it('connects to its own sandbox over loopback with the sandbox key', async () => {
    const connected = await send('POST', '/session', { json: { mode: 'sandbox' } });
    expect(connected.status).toBe(200);
    expect(JSON.parse(connected.body.toString('utf8'))).toMatchObject({
      mode: 'sandbox',
      workspaceId: sandbox.workspaceId,
      keyHint: accessKey.slice(-4),
      mediaBases: [`${origin}/sandbox`],
    });
    cookie = String(connected.headers['set-cookie']).split(';', 1)[0] ?? '';
  });

  it('lists channels, presigns, relays an upload and serves the stored image', async () => {
    const ws = `/api/workspaces/${sandbox.workspaceId}`;
    const channels = await send('GET', `${ws}/channels?limit=10`);
    expect(channels.status).toBe(200);
    const page = channelListSchema.parse(JSON.parse(channels.body.toString('utf8')));
    const channel = page.results[0];
    if (channel === undefined) throw new Error('the sandbox has no channel');

    const presigned = await send('POST', `${ws}/channels/${channel.id}/presigned-upload`, {
      json: { contentType: 'image/png' },
    });
    expect(presigned.status).toBe(200);
    const upload = perchPresignedUploadSchema.parse(JSON.parse(presigned.body.toString('utf8')));
    expect(upload.uploadUrl.startsWith(`${origin}/sandbox/`)).toBe(true);

    const png = encodePng(2, 2, new Uint8Array(12).fill(200));
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.uploadFormData)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'dot.png');
    const uploaded = await send('POST', upload.perchUploadPath, { form });
    expect(uploaded.status).toBe(204);

    const mediaPath = `/media${upload.mediaUrl.slice(`${origin}/sandbox`.length)}`;
    const media = await send('GET', mediaPath);
    expect(media.status).toBe(200);
    expect(media.headers['content-type']).toBe('image/png');
    expect(media.headers['x-content-type-options']).toBe('nosniff');
    expect(media.body.equals(png)).toBe(true);
  });
});
