import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { perchPresignedUploadSchema } from '../../src/lib/perch/upload';
import {
  ACCESS_KEY,
  CHANNEL,
  type Harness,
  MEDIA,
  MESSAGE,
  ORIGIN,
  SANDBOX_KEY,
  SANDBOX_WORKSPACE,
  startHarness,
  WORKSPACE,
} from './testing/harness';

const ws = `/api/workspaces/${WORKSPACE}`;
const messages = `${ws}/channels/${CHANNEL}/messages`;
const write = { origin: ORIGIN, 'content-type': 'application/json' };

const presignAnswer = (origin: string) => ({
  mediaUrl: `${origin}/bird-media/workspaces/${WORKSPACE}/channels/${CHANNEL}/media/${MEDIA}`,
  uploadUrl: `${origin}/s3-bucket`,
  uploadMethod: 'POST',
  uploadFormData: {
    key: 'uploads/a.png',
    'Content-Type': 'image/png',
    policy: 'eyJ9',
    'x-amz-algorithm': 'AWS4-HMAC-SHA256',
    'x-amz-credential': 'c',
    'x-amz-date': '20261127T120000Z',
    'x-amz-signature': 's',
  },
});

describe('pass-through', () => {
  let h: Harness;
  let cookie: string;

  beforeAll(async () => {
    h = await startHarness({ plugin: { timeouts: { totalMs: 300 } } });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    expect(h.leakedKeys()).toEqual([]);
    await h.close();
  });
  beforeEach(async () => {
    cookie = await h.connect();
  });
  afterEach(() => {
    h.upstream.reset();
  });

  it('adds the key, keeps the query as sent and forwards none of the client’s credentials', async () => {
    const query = '?limit=50&pageToken=WyIyMDI2Il0%2F%2B%3D&status=sent&status=delivered';
    const response = await h.call({
      method: 'GET',
      url: `${messages}${query}`,
      headers: {
        cookie: `${cookie}; other=1`,
        authorization: 'AccessKey stolen-or-forged',
        forwarded: 'for=1.2.3.4;host=evil.example',
        'x-forwarded-for': '1.2.3.4',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        connection: 'keep-alive, x-secret',
        'x-secret': 'hop',
        'proxy-authorization': 'Basic eA==',
        te: 'trailers',
        accept: 'application/json',
      },
    });

    expect(response.statusCode).toBe(200);
    expect(h.upstream.requests).toHaveLength(1);
    const seen = h.upstream.requests[0];
    expect(seen?.url).toBe(`/bird/workspaces/${WORKSPACE}/channels/${CHANNEL}/messages${query}`);
    expect(seen?.headers.authorization).toBe(`AccessKey ${ACCESS_KEY}`);
    expect(seen?.headers.host).toBe(new URL(h.upstream.origin).host);
    expect(seen?.headers.accept).toBe('application/json');
    for (const name of [
      'cookie',
      'forwarded',
      'x-forwarded-for',
      'x-forwarded-host',
      'x-forwarded-proto',
      'x-secret',
      'proxy-authorization',
      'te',
    ]) {
      expect(seen?.headers[name], name).toBeUndefined();
    }
  });

  it('passes status, body and Retry-After back unchanged, and drops upstream cookies', async () => {
    const body = JSON.stringify({
      code: 'TooManyRequests',
      message: 'Too many requests, retry later',
    });
    h.upstream.respond(() => ({
      status: 429,
      headers: {
        'content-type': 'application/json',
        'retry-after': '3',
        'set-cookie': 'tracker=1',
        'access-control-allow-origin': '*',
      },
      body,
    }));
    const response = await h.call({ method: 'GET', url: `${ws}/messages`, headers: { cookie } });
    expect(response.statusCode).toBe(429);
    expect(response.body).toBe(body);
    expect(response.headers['retry-after']).toBe('3');
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends a JSON body through byte for byte and passes the 202 back', async () => {
    const payload =
      '{ "receiver": {"contacts":[{"identifierValue":"+31600000000"}]}, "body": {"type":"text","text":{"text":"héllo"}} }';
    const answer = JSON.stringify({ id: MESSAGE, status: 'accepted' });
    h.upstream.respond(() => ({
      status: 202,
      headers: { 'content-type': 'application/json' },
      body: answer,
    }));
    const response = await h.call({
      method: 'POST',
      url: messages,
      headers: { ...write, cookie, 'content-type': 'application/json; charset=utf-8' },
      payload,
    });
    expect(response.statusCode).toBe(202);
    expect(response.body).toBe(answer);
    const seen = h.upstream.requests[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.body.toString('utf8')).toBe(payload);
    expect(seen?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength(payload)));
  });

  it('passes each listed endpoint shape (E1–E9)', async () => {
    const paths: [string, string][] = [
      ['GET', `${ws}/channels?limit=1`],
      ['GET', `${ws}/channels/${CHANNEL}`],
      ['POST', `${ws}/channels/${CHANNEL}/messages`],
      ['POST', `${ws}/channels/${CHANNEL}/batch/messages`],
      ['GET', `${ws}/channels/${CHANNEL}/messages`],
      ['GET', `${ws}/messages?channelId=${CHANNEL}`],
      ['GET', `${ws}/channels/${CHANNEL}/messages/${MESSAGE}`],
      ['GET', `${ws}/channels/${CHANNEL}/messages/${MESSAGE}/interactions`],
      ['POST', `${ws}/channel-media/presigned-upload`],
    ];
    h.upstream.respond(() => ({ status: 400, body: '{"code":"BadRequest","message":"m"}' }));
    for (const [method, url] of paths) {
      const response = await h.call({
        method: method,
        url,
        headers: method === 'POST' ? { ...write, cookie } : { cookie },
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(response.statusCode, url).toBe(400);
    }
    expect(h.upstream.requests.map((r) => `${r.method} ${r.url}`)).toEqual(
      paths.map(([method, url]) => `${method} /bird${url.slice(4)}`),
    );
  });

  it('answers 504 with a Bird-shaped error when the upstream is too slow', async () => {
    h.upstream.respond(() => 'hang');
    const response = await h.call({ method: 'GET', url: `${ws}/channels`, headers: { cookie } });
    expect(response.statusCode).toBe(504);
    expect(response.json()).toEqual({
      code: 'Timeout',
      message: 'Bird did not answer within 300 ms',
    });
  });

  it('relays media with the key, its type and disposition, nosniff and a sandboxing CSP', async () => {
    h.upstream.respond(() => ({
      status: 200,
      headers: {
        'content-type': 'image/png',
        'content-disposition': 'inline; filename="a.png"',
        'set-cookie': 'x=1',
      },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    }));
    const e11 = `/workspaces/${WORKSPACE}/channels/${CHANNEL}/media/${MEDIA}`;
    const e12 = `/workspaces/${WORKSPACE}/messages/${MESSAGE}/media/${MEDIA}`;
    for (const path of [e11, e12]) {
      const response = await h.call({ method: 'GET', url: `/media${path}`, headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-disposition']).toBe('inline; filename="a.png"');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain('sandbox');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(h.upstream.requests.map((r) => r.url)).toEqual([
      `/bird-media${e11}`,
      `/bird-media${e12}`,
    ]);
    expect(h.upstream.requests[0]?.headers.authorization).toBe(`AccessKey ${ACCESS_KEY}`);
  });

  it('adds perchUploadPath to a presigned-upload answer and changes nothing else', async () => {
    const answer = presignAnswer(h.upstream.origin);
    h.upstream.respond(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(answer),
    }));
    const response = await h.call({
      method: 'POST',
      url: `${ws}/channels/${CHANNEL}/presigned-upload`,
      headers: { ...write, cookie },
      payload: { contentType: 'image/png' },
    });
    expect(response.statusCode).toBe(200);
    const body = perchPresignedUploadSchema.parse(response.json());
    const { perchUploadPath, ...rest } = response.json<Record<string, unknown>>();
    expect(rest).toEqual(answer);
    expect(perchUploadPath).toBe(body.perchUploadPath);
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.body)));
  });

  it('refuses (502) a presigned-upload answer whose uploadUrl is unusable', async () => {
    for (const uploadUrl of ['ftp://x/y', 'not a url', 'https://user:pw@s3.example/', 42]) {
      h.upstream.respond(() => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...presignAnswer(h.upstream.origin), uploadUrl }),
      }));
      const response = await h.call({
        method: 'POST',
        url: `${ws}/channels/${CHANNEL}/presigned-upload`,
        headers: { ...write, cookie },
        payload: { contentType: 'image/png' },
      });
      expect(response.statusCode, String(uploadUrl)).toBe(502);
    }
  });

  it('streams an upload form to the issued uploadUrl, without Authorization, and passes 204 back', async () => {
    h.upstream.respond(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(presignAnswer(h.upstream.origin)),
    }));
    const presigned = await h.call({
      method: 'POST',
      url: `${ws}/channels/${CHANNEL}/presigned-upload`,
      headers: { ...write, cookie },
      payload: { contentType: 'image/png' },
    });
    const path = perchPresignedUploadSchema.parse(presigned.json()).perchUploadPath;
    h.upstream.reset();
    h.upstream.respond(() => ({ status: 204 }));

    const boundary = 'perch-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nuploads/a.png\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    );
    const fileBytes = Buffer.alloc(256 * 1024, 0xab);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const total = head.length + fileBytes.length + tail.length;

    const { port } = h.app.server.address() as AddressInfo;
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: {
        host: 'localhost:80',
        cookie,
        origin: ORIGIN,
        authorization: 'Basic c2hvdWxkLW5vdC1wYXNz',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(total),
      },
    });
    const answered = new Promise<{ status: number; location: unknown }>((resolve, reject) => {
      request.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, location: res.headers.location });
        });
      });
      request.on('error', reject);
    });
    request.write(head);
    request.write(fileBytes.subarray(0, 64 * 1024));
    // Streaming: the target already has the start of the form while the rest is unsent.
    await expect.poll(() => h.upstream.requests[0]?.body.length ?? 0).toBeGreaterThan(0);
    expect(h.upstream.requests[0]?.complete).toBe(false);
    request.end(Buffer.concat([fileBytes.subarray(64 * 1024), tail]));

    expect((await answered).status).toBe(204);
    expect(h.upstream.requests).toHaveLength(1);
    const seen = h.upstream.requests[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/s3-bucket');
    expect(seen?.body.equals(Buffer.concat([head, fileBytes, tail]))).toBe(true);
    expect(seen?.headers['content-type']).toBe(`multipart/form-data; boundary=${boundary}`);
    expect(seen?.headers['content-length']).toBe(String(total));
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers.cookie).toBeUndefined();
  });

  it('answers 504 when an upload target takes too long after the form was sent', async () => {
    h.upstream.respond(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(presignAnswer(h.upstream.origin)),
    }));
    const presigned = await h.call({
      method: 'POST',
      url: `${ws}/channels/${CHANNEL}/presigned-upload`,
      headers: { ...write, cookie },
      payload: { contentType: 'image/png' },
    });
    const path = perchPresignedUploadSchema.parse(presigned.json()).perchUploadPath;
    h.upstream.respond(() => 'hang');
    const response = await h.call({
      method: 'POST',
      url: path,
      headers: { cookie, origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--b--\r\n',
    });
    expect(response.statusCode).toBe(504);
    expect(response.json()).toMatchObject({ code: 'Timeout' });
  });

  it('refuses (502) a presigned-upload answer too large to be one', async () => {
    h.upstream.respond(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...presignAnswer(h.upstream.origin), pad: 'x'.repeat(70_000) }),
    }));
    const response = await h.call({
      method: 'POST',
      url: `${ws}/channels/${CHANNEL}/presigned-upload`,
      headers: { ...write, cookie },
      payload: { contentType: 'image/png' },
    });
    expect(response.statusCode).toBe(502);
  });

  it('passes an upload target’s refusal back as it came', async () => {
    h.upstream.respond(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(presignAnswer(h.upstream.origin)),
    }));
    const presigned = await h.call({
      method: 'POST',
      url: `${ws}/channels/${CHANNEL}/presigned-upload`,
      headers: { ...write, cookie },
      payload: { contentType: 'image/png' },
    });
    const path = perchPresignedUploadSchema.parse(presigned.json()).perchUploadPath;
    const refusal = '<Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>';
    h.upstream.respond(() => ({
      status: 403,
      headers: { 'content-type': 'application/xml' },
      body: refusal,
    }));
    const response = await h.call({
      method: 'POST',
      url: path,
      headers: { cookie, origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--b--\r\n',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toBe(refusal);
    expect(response.headers['content-type']).toBe('application/xml');
  });

  it('sends sandbox sessions to the sandbox with its key, and keeps uploads on its origin', async () => {
    const connected = await h.call({
      method: 'POST',
      url: '/session',
      headers: write,
      payload: { mode: 'sandbox' },
    });
    const sandboxCookie = `perch_session=${connected.cookies[0]?.value ?? ''}`;
    h.upstream.reset();
    const list = await h.call({
      method: 'GET',
      url: `/api/workspaces/${SANDBOX_WORKSPACE}/channels`,
      headers: { cookie: sandboxCookie },
    });
    expect(list.statusCode).toBe(200);
    expect(h.upstream.requests[0]?.url).toBe(`/sandbox/workspaces/${SANDBOX_WORKSPACE}/channels`);
    expect(h.upstream.requests[0]?.headers.authorization).toBe(`AccessKey ${SANDBOX_KEY}`);

    h.upstream.respond(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...presignAnswer(h.upstream.origin),
        uploadUrl: 'https://s3.example/b',
      }),
    }));
    const foreign = await h.call({
      method: 'POST',
      url: `/api/workspaces/${SANDBOX_WORKSPACE}/channels/${CHANNEL}/presigned-upload`,
      headers: { ...write, cookie: sandboxCookie },
      payload: { contentType: 'image/png' },
    });
    expect(foreign.statusCode).toBe(502);
  });
});
