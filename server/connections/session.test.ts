import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionInfoSchema } from '../../src/lib/perch/session';
import {
  ACCESS_KEY,
  type Harness,
  ORIGIN,
  SANDBOX_KEY,
  SANDBOX_WORKSPACE,
  startHarness,
  WORKSPACE,
} from './testing/harness';

const json = { origin: ORIGIN, 'content-type': 'application/json' };
const birdConnect = { mode: 'bird', accessKey: ACCESS_KEY, workspaceId: WORKSPACE };
const channelsPath = `/api/workspaces/${WORKSPACE}/channels`;

describe('/session', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    expect(h.leakedKeys()).toEqual([]);
    await h.close();
  });

  it('connects to Bird after listing one channel with the key, and shows the session', async () => {
    const response = await h.call({
      method: 'POST',
      url: '/session',
      headers: json,
      payload: birdConnect,
    });

    expect(response.statusCode).toBe(200);
    const info = sessionInfoSchema.parse(response.json());
    expect(info).toEqual({
      connected: true,
      mode: 'bird',
      workspaceId: WORKSPACE,
      keyHint: ACCESS_KEY.slice(-4),
      mediaBases: [`${h.upstream.origin}/bird-media`],
      expiresAt: new Date(h.clock.now() + 8 * 3600_000).toISOString(),
    });
    expect(h.upstream.requests).toHaveLength(1);
    const check = h.upstream.requests[0];
    expect(check?.method).toBe('GET');
    expect(check?.url).toBe(`/bird/workspaces/${WORKSPACE}/channels?limit=1`);
    expect(check?.headers.authorization).toBe(`AccessKey ${ACCESS_KEY}`);

    const cookie = response.cookies.find((c) => c.name === 'perch_session');
    const shown = await h.call({
      method: 'GET',
      url: '/session',
      headers: { cookie: `perch_session=${cookie?.value ?? ''}` },
    });
    expect(shown.json()).toEqual(info);
    expect(shown.headers['cache-control']).toBe('no-store');
  });

  it('sets a 256-bit random, HttpOnly, SameSite=Strict, Path=/ cookie without Secure over HTTP', async () => {
    const first = await h.call({
      method: 'POST',
      url: '/session',
      headers: json,
      payload: birdConnect,
    });
    const second = await h.call({
      method: 'POST',
      url: '/session',
      headers: json,
      payload: birdConnect,
    });
    const header = String(first.headers['set-cookie']);
    expect(header).toMatch(/^perch_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const [a, b] = [first, second].map((r) => r.cookies[0]?.value);
    expect(a).not.toBe(b);
    expect(Buffer.from(a ?? '', 'base64url')).toHaveLength(32);
  });

  it('names the cookie __Host-perch_session and marks it Secure over HTTPS', async () => {
    const https = await startHarness({ trustProxy: true });
    try {
      const response = await https.call({
        method: 'POST',
        url: '/session',
        headers: {
          'content-type': 'application/json',
          host: 'perch.example',
          origin: 'https://perch.example',
          'x-forwarded-proto': 'https',
        },
        payload: birdConnect,
      });
      expect(response.statusCode).toBe(200);
      expect(String(response.headers['set-cookie'])).toMatch(
        /^__Host-perch_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
    } finally {
      await https.close();
    }
  });

  it('connects to the sandbox with its own key and base', async () => {
    const response = await h.call({
      method: 'POST',
      url: '/session',
      headers: json,
      payload: { mode: 'sandbox' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      mode: 'sandbox',
      workspaceId: SANDBOX_WORKSPACE,
      keyHint: SANDBOX_KEY.slice(-4),
      mediaBases: [`${h.upstream.origin}/sandbox`],
    });
    expect(h.upstream.requests[0]?.url).toBe(
      `/sandbox/workspaces/${SANDBOX_WORKSPACE}/channels?limit=1`,
    );
    expect(h.upstream.requests[0]?.headers.authorization).toBe(`AccessKey ${SANDBOX_KEY}`);
  });

  it('says plainly why Bird refused: 401, 403, 404, 429 with Retry-After, 5xx, redirect', async () => {
    const cases = [
      {
        upstream: 401,
        status: 401,
        code: 'Unauthorized',
        message: /did not accept this access key/,
      },
      { upstream: 403, status: 403, code: 'Forbidden', message: /no access to workspace/ },
      { upstream: 404, status: 404, code: 'NotFound', message: /knows no workspace/ },
      { upstream: 429, status: 429, code: 'TooManyRequests', message: /rate limiting/ },
      { upstream: 503, status: 502, code: 'BadGateway', message: /status 503/ },
      { upstream: 302, status: 502, code: 'BadGateway', message: /redirect/ },
    ];
    for (const c of cases) {
      h.upstream.respond(() => ({
        status: c.upstream,
        headers: { 'retry-after': '7', location: 'https://evil.example/' },
        body: '{"code":"x","message":"upstream words"}',
      }));
      const response = await h.call({
        method: 'POST',
        url: '/session',
        headers: json,
        payload: birdConnect,
      });
      expect(response.statusCode, String(c.upstream)).toBe(c.status);
      const body = response.json<{ code: string; message: string }>();
      expect(body.code).toBe(c.code);
      expect(body.message).toMatch(c.message);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers.location).toBeUndefined();
      expect(response.headers['retry-after']).toBe(c.upstream === 429 ? '7' : undefined);
    }
  });

  it('answers 502 Unreachable when nothing listens and 504 Timeout when Bird is slow', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');

    const unreachable = await startHarness({
      plugin: { bird: { apiBase: `http://127.0.0.1:${String(port)}`, mediaBase: 'http://x' } },
    });
    const slow = await startHarness({ plugin: { timeouts: { totalMs: 150 } } });
    slow.upstream.respond(() => 'hang');
    try {
      const refused = await unreachable.call({
        method: 'POST',
        url: '/session',
        headers: json,
        payload: birdConnect,
      });
      expect(refused.statusCode).toBe(502);
      expect(refused.json()).toEqual({
        code: 'Unreachable',
        message: `Bird could not be reached at http://127.0.0.1:${String(port)}`,
      });

      const timedOut = await slow.call({
        method: 'POST',
        url: '/session',
        headers: json,
        payload: birdConnect,
      });
      expect(timedOut.statusCode).toBe(504);
      expect(timedOut.json()).toMatchObject({ code: 'Timeout' });
    } finally {
      await unreachable.close();
      await slow.close();
    }
  });

  it('refuses bad bodies with 400 or 422 without contacting Bird or echoing the key', async () => {
    const notJson = await h.call({
      method: 'POST',
      url: '/session',
      headers: json,
      payload: `{"mode":"bird","accessKey":"${ACCESS_KEY}",`,
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toEqual({
      code: 'BadRequest',
      message: 'The request body is not valid JSON',
    });

    const invalid = await h.call({
      method: 'POST',
      url: '/session',
      headers: json,
      payload: { mode: 'bird', accessKey: `${ACCESS_KEY} x`, workspaceId: 'nope', extra: 1 },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({
      code: 'InvalidPayload',
      details: { '.accessKey': [expect.any(String)], '.workspaceId': ['A workspace id is a UUID'] },
    });
    expect(h.upstream.requests).toEqual([]);
  });

  it('refuses a connect from another origin or as a form post', async () => {
    const crossSite = await h.call({
      method: 'POST',
      url: '/session',
      headers: { ...json, origin: 'https://evil.example' },
      payload: birdConnect,
    });
    const form = await h.call({
      method: 'POST',
      url: '/session',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'mode=sandbox',
    });
    const fetchSite = await h.call({
      method: 'POST',
      url: '/session',
      headers: { ...json, 'sec-fetch-site': 'same-site' },
      payload: birdConnect,
    });
    const noOrigin = await h.call({
      method: 'POST',
      url: '/session',
      headers: { 'content-type': 'application/json' },
      payload: birdConnect,
    });
    for (const response of [crossSite, form, fetchSite, noOrigin]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'Forbidden' });
    }
    expect(h.upstream.requests).toEqual([]);
  });

  it('expires after the idle time unless used, and every use slides it', async () => {
    const cookie = await h.connect();
    const get = () => h.call({ method: 'GET', url: channelsPath, headers: { cookie } });

    h.clock.advance(8 * 3600_000 - 1000);
    expect((await get()).statusCode).toBe(200);
    h.clock.advance(8 * 3600_000 - 1000);
    expect((await get()).statusCode).toBe(200);
    const shown = await h.call({ method: 'GET', url: '/session', headers: { cookie } });
    expect(shown.json()).toMatchObject({
      connected: true,
      expiresAt: new Date(h.clock.now() + 8 * 3600_000).toISOString(),
    });

    h.clock.advance(8 * 3600_000);
    const expired = await get();
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ code: 'Unauthorized', message: 'Not connected' });
    const after = await h.call({ method: 'GET', url: '/session', headers: { cookie } });
    expect(after.json()).toEqual({ connected: false });
    expect(String(after.headers['set-cookie'])).toMatch(/^perch_session=;/);
  });

  it('honours a configured idle time', async () => {
    const short = await startHarness({ plugin: { sessionIdleMinutes: 5 } });
    try {
      const cookie = await short.connect();
      short.clock.advance(5 * 60_000);
      const response = await short.call({ method: 'GET', url: '/session', headers: { cookie } });
      expect(response.json()).toEqual({ connected: false });
    } finally {
      await short.close();
    }
  });

  it('disconnects: the key is forgotten and the cookie cleared', async () => {
    const cookie = await h.connect();
    const gone = await h.call({
      method: 'DELETE',
      url: '/session',
      headers: { cookie, origin: ORIGIN },
    });
    expect(gone.statusCode).toBe(204);
    expect(String(gone.headers['set-cookie'])).toMatch(/^perch_session=; Max-Age=0; Path=\/;/);
    const after = await h.call({ method: 'GET', url: channelsPath, headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(h.upstream.requests).toEqual([]);
  });

  it('refuses a cross-origin disconnect', async () => {
    const cookie = await h.connect();
    const response = await h.call({
      method: 'DELETE',
      url: '/session',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    const still = await h.call({ method: 'GET', url: '/session', headers: { cookie } });
    expect(still.json()).toMatchObject({ connected: true });
  });

  it('replaces the previous session on a new connect', async () => {
    const old = await h.connect();
    const response = await h.call({
      method: 'POST',
      url: '/session',
      headers: { ...json, cookie: old },
      payload: { mode: 'sandbox' },
    });
    expect(response.statusCode).toBe(200);
    const stale = await h.call({ method: 'GET', url: '/session', headers: { cookie: old } });
    expect(stale.json()).toEqual({ connected: false });
  });

  it('answers 503 for sandbox mode when the server runs no sandbox', async () => {
    const noSandbox = await startHarness({ plugin: { sandbox: undefined } });
    try {
      const response = await noSandbox.call({
        method: 'POST',
        url: '/session',
        headers: json,
        payload: { mode: 'sandbox' },
      });
      expect(response.statusCode).toBe(503);
      expect(noSandbox.upstream.requests).toEqual([]);
    } finally {
      await noSandbox.close();
    }
  });
});
