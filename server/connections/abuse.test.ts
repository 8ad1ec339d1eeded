import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RecordingUpstream } from './testing/recording-upstream';
import {
  CHANNEL,
  type Harness,
  MEDIA,
  MESSAGE,
  ORIGIN,
  OTHER_WORKSPACE,
  rawRequest,
  rawStatus,
  startHarness,
  WORKSPACE,
} from './testing/harness';

/**
 * The pass-through abuse suite. Every case asserts what the attacker notices (the status) and
 * what the upstream noticed: nothing. The recording upstream logs a request as soon as its
 * headers arrive, so even a request that was started and abandoned would show.
 */

const ws = `/api/workspaces/${WORKSPACE}`;
const channels = `${ws}/channels`;
const messages = `${ws}/channels/${CHANNEL}/messages`;
const presign = `${ws}/channels/${CHANNEL}/presigned-upload`;

describe('pass-through abuse', () => {
  let h: Harness;
  let cookie: string;

  beforeAll(async () => {
    h = await startHarness({ plugin: { bodyReadTimeoutMs: 150 } });
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

  const get = (url: string, headers: Record<string, string> = {}) =>
    h.call({ method: 'GET', url, headers: { cookie, ...headers } });
  const raw = (target: string, extra = '') =>
    rawRequest(
      h.app,
      `GET ${target} HTTP/1.1\r\nHost: localhost:80\r\nCookie: ${cookie}\r\n${extra}Connection: close\r\n\r\n`,
    );
  const nothingReachedUpstream = () => {
    expect(h.upstream.requests).toEqual([]);
  };

  it('1. refuses an absolute-URL request target', async () => {
    const response = await raw(`http://evil.example${channels}`);
    expect(rawStatus(response)).toBeGreaterThanOrEqual(400);
    nothingReachedUpstream();
  });

  it('2. refuses a //host path below /api', async () => {
    const response = await get(`/api//evil.example/workspaces/${WORKSPACE}/channels`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BadRequest' });
    nothingReachedUpstream();
  });

  it('3. refuses a //host request target', async () => {
    const response = await raw(`//evil.example${channels}`);
    expect(rawStatus(response)).toBeGreaterThanOrEqual(400);
    nothingReachedUpstream();
  });

  it('4. refuses encoded traversal %2e%2e%2f', async () => {
    const response = await raw(`${channels}/%2e%2e%2f%2e%2e%2fadmin`);
    expect(rawStatus(response)).toBe(400);
    nothingReachedUpstream();
  });

  it('5. refuses half-encoded traversal ..%2f', async () => {
    const response = await raw(`${ws}/..%2f..%2fadmin/channels`);
    expect(rawStatus(response)).toBe(400);
    nothingReachedUpstream();
  });

  it('6. refuses plain dot segments, unnormalised', async () => {
    const response = await raw(`${ws}/channels/../../../admin`);
    expect(rawStatus(response)).toBe(400);
    nothingReachedUpstream();
  });

  it('7. refuses double-encoded traversal %252e%252e%252f', async () => {
    const response = await raw(`${ws}/channels/%252e%252e%252f%252e%252e%252fadmin`);
    expect(rawStatus(response)).toBe(400);
    nothingReachedUpstream();
  });

  it('8. refuses backslashes, raw and encoded', async () => {
    const rawBackslash = await raw(`${ws}\\..\\channels`);
    const encoded = await raw(`${ws}/channels%5c..%5cadmin`);
    expect(rawStatus(rawBackslash)).toBe(400);
    expect(rawStatus(encoded)).toBe(400);
    nothingReachedUpstream();
  });

  it('9. refuses CR/LF in the path, raw and encoded, and encoded CR/LF in the query', async () => {
    const rawCrlf = await rawRequest(
      h.app,
      `GET ${channels}\r\nX-Injected: 1 HTTP/1.1\r\nHost: localhost:80\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
    );
    const encodedPath = await raw(`${channels}%0d%0aX-Injected:%201`);
    const encodedQuery = await raw(`${channels}?limit=1%0d%0aHost:%20evil.example`);
    const control = await raw(`${channels}%00`);
    expect(rawStatus(rawCrlf)).toBe(400);
    expect(rawStatus(encodedPath)).toBe(400);
    expect(rawStatus(encodedQuery)).toBe(400);
    expect(rawStatus(control)).toBe(400);
    nothingReachedUpstream();
  });

  it('10. ignores a forged Host: the session does not follow it', async () => {
    const response = await get(channels, { host: 'evil.example' });
    expect(response.statusCode).toBe(401);
    nothingReachedUpstream();
  });

  it('11. ignores a forged X-Forwarded-Host when checking the origin', async () => {
    const response = await h.call({
      method: 'POST',
      url: messages,
      headers: {
        cookie,
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        'content-type': 'application/json',
      },
      payload: { body: { type: 'text', text: { text: 'hi' } } },
    });
    expect(response.statusCode).toBe(403);
    nothingReachedUpstream();
  });

  it('12. answers an upstream 3xx with 502: not followed, no Location', async () => {
    const elsewhere = await RecordingUpstream.start();
    try {
      h.upstream.respond(() => ({
        status: 302,
        headers: { location: `${elsewhere.origin}/steal`, 'set-cookie': 'x=1' },
        body: '',
      }));
      const response = await get(channels);
      expect(response.statusCode).toBe(502);
      expect(response.json()).toMatchObject({ code: 'BadGateway' });
      expect(response.headers.location).toBeUndefined();
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(h.upstream.requests).toHaveLength(1);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('13. refuses a JSON body over 1 MiB by its Content-Length', async () => {
    const response = await h.call({
      method: 'POST',
      url: messages,
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      payload: `{"pad":"${'x'.repeat(1024 * 1024)}"}`,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PayloadTooLarge' });
    nothingReachedUpstream();
  });

  it('14. refuses a chunked JSON body once it passes 1 MiB', async () => {
    const chunk = 'x'.repeat(256 * 1024);
    const chunks = Array.from({ length: 5 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const response = await rawRequest(
      h.app,
      `POST ${messages} HTTP/1.1\r\nHost: localhost:80\r\nCookie: ${cookie}\r\nOrigin: ${ORIGIN}\r\n` +
        `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        `${chunks.join('')}0\r\n\r\n`,
    );
    expect(rawStatus(response)).toBe(413);
    nothingReachedUpstream();
  });

  it('15. refuses a body that trickles in too slowly (408), before any upstream call', async () => {
    const response = await rawRequest(
      h.app,
      `POST ${messages} HTTP/1.1\r\nHost: localhost:80\r\nCookie: ${cookie}\r\nOrigin: ${ORIGIN}\r\n` +
        `Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"body":`,
    );
    expect(rawStatus(response)).toBe(408);
    nothingReachedUpstream();
  });

  it('16. refuses methods the table does not list for a path', async () => {
    const write = { cookie, origin: ORIGIN, 'content-type': 'application/json' };
    const attempts = [
      h.call({ method: 'PUT', url: messages, headers: write, payload: {} }),
      h.call({ method: 'PATCH', url: `${channels}/${CHANNEL}`, headers: write, payload: {} }),
      h.call({
        method: 'DELETE',
        url: `${messages}/${MESSAGE}`,
        headers: { cookie, origin: ORIGIN },
      }),
      h.call({ method: 'POST', url: channels, headers: write, payload: {} }),
      h.call({ method: 'GET', url: presign, headers: { cookie } }),
      h.call({ method: 'HEAD', url: channels, headers: { cookie } }),
      h.call({ method: 'OPTIONS', url: channels, headers: { cookie, origin: ORIGIN } }),
    ];
    // 404 for a listed path with the wrong method; OPTIONS without a JSON body is already 403.
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 403]);
    nothingReachedUpstream();
  });

  it('17. refuses path shapes the table does not list', async () => {
    const paths = [
      '/api',
      '/api/',
      `${channels}/`,
      `${ws}/contacts`,
      `${ws}/channels/not-a-uuid`,
      `${ws}/channels/${CHANNEL}/messages/${MESSAGE}/interactions/extra`,
      `/api/workspaces/not-a-uuid/channels`,
      `/api/v2/workspaces/${WORKSPACE}/channels`,
      '/api/_sandbox/clock/advance',
    ];
    for (const path of paths) {
      const response = await get(path);
      expect(response.statusCode, path).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, path).toBeLessThan(405);
      expect(response.json<{ code: string }>().code, path).toMatch(/^(NotFound|BadRequest)$/);
    }
    nothingReachedUpstream();
  });

  it("18. refuses another workspace's id in the path", async () => {
    const response = await get(`/api/workspaces/${OTHER_WORKSPACE}/channels`);
    const media = await get(
      `/media/workspaces/${OTHER_WORKSPACE}/channels/${CHANNEL}/media/${MEDIA}`,
    );
    expect(response.statusCode).toBe(404);
    expect(media.statusCode).toBe(404);
    nothingReachedUpstream();
  });

  it('19. refuses calls without a session cookie', async () => {
    const api = await h.call({ method: 'GET', url: channels });
    const media = await h.call({
      method: 'GET',
      url: `/media/workspaces/${WORKSPACE}/messages/${MESSAGE}/media/${MEDIA}`,
    });
    for (const response of [api, media]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'Unauthorized', message: 'Not connected' });
    }
    nothingReachedUpstream();
  });

  it('20. refuses a forged or malformed session cookie', async () => {
    const forged = `perch_session=${Buffer.alloc(32, 7).toString('base64url')}`;
    const attempts = [forged, 'perch_session=../../etc', 'perch_session=', `${cookie}x`];
    for (const value of attempts) {
      const response = await h.call({ method: 'GET', url: channels, headers: { cookie: value } });
      expect(response.statusCode, value).toBe(401);
    }
    nothingReachedUpstream();
  });

  it('21. refuses a cross-origin POST, a form post and a cross-site fetch', async () => {
    const send = (headers: Record<string, string>) =>
      h.call({
        method: 'POST',
        url: messages,
        headers: { cookie, ...headers },
        payload: '{"body":{"type":"text","text":{"text":"hi"}}}',
      });
    const responses = await Promise.all([
      send({ origin: 'https://evil.example', 'content-type': 'application/json' }),
      send({ origin: 'null', 'content-type': 'application/json' }),
      send({ 'content-type': 'application/json' }),
      send({ origin: ORIGIN, 'content-type': 'text/plain' }),
      send({ origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }),
      send({ origin: ORIGIN, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
      send({ origin: 'http://localhost:8080', 'content-type': 'application/json' }),
    ]);
    for (const response of responses) expect(response.statusCode).toBe(403);
    nothingReachedUpstream();
  });

  describe('uploads', () => {
    const form = (boundary: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nk\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
      `Content-Type: image/png\r\n\r\nPNG\r\n--${boundary}--\r\n`;
    const upload = (path: string, sessionCookie: string, headers: Record<string, string> = {}) =>
      h.call({
        method: 'POST',
        url: path,
        headers: {
          cookie: sessionCookie,
          origin: ORIGIN,
          'content-type': 'multipart/form-data; boundary=b0',
          ...headers,
        },
        payload: form('b0'),
      });
    const issueTarget = async (sessionCookie: string): Promise<string> => {
      h.upstream.respond(() => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          mediaUrl: `${h.upstream.origin}/bird-media/x`,
          uploadUrl: `${h.upstream.origin}/s3-bucket`,
          uploadMethod: 'POST',
          uploadFormData: { key: 'k' },
        }),
      }));
      const response = await h.call({
        method: 'POST',
        url: presign,
        headers: { cookie: sessionCookie, origin: ORIGIN, 'content-type': 'application/json' },
        payload: { contentType: 'image/png' },
      });
      h.upstream.reset();
      return response.json<{ perchUploadPath: string }>().perchUploadPath;
    };

    it('22. refuses an upload target never issued to anyone', async () => {
      const response = await upload(`/upload/${Buffer.alloc(16, 1).toString('base64url')}`, cookie);
      expect(response.statusCode).toBe(404);
      nothingReachedUpstream();
    });

    it("23. refuses another session's upload target", async () => {
      const theirs = await issueTarget(await h.connect());
      const response = await upload(theirs, cookie);
      expect(response.statusCode).toBe(404);
      nothingReachedUpstream();
    });

    it('24. refuses an upload target older than an hour', async () => {
      const path = await issueTarget(cookie);
      h.clock.advance(60 * 60 * 1000);
      const response = await upload(path, cookie);
      expect(response.statusCode).toBe(404);
      nothingReachedUpstream();
    });

    it('25. refuses uploads that are cross-origin, not multipart, too large or malformed', async () => {
      const path = await issueTarget(cookie);
      const crossOrigin = await upload(path, cookie, { origin: 'https://evil.example' });
      const json = await upload(path, cookie, { 'content-type': 'application/json' });
      const tooLarge = await h.call({
        method: 'POST',
        url: path,
        headers: {
          cookie,
          origin: ORIGIN,
          'content-type': 'multipart/form-data; boundary=b0',
          'content-length': String(102 * 1024 * 1024),
        },
        payload: form('b0'),
      });
      const queried = await upload(`${path}?to=https://evil.example`, cookie);
      const traversal = await upload(`${path}/../../x`, cookie);
      expect(crossOrigin.statusCode).toBe(403);
      expect(json.statusCode).toBe(403);
      expect(tooLarge.statusCode).toBe(413);
      expect(queried.statusCode).toBe(404);
      expect(traversal.statusCode).toBe(404);
      nothingReachedUpstream();
    });
  });

  it('26. refuses media paths outside E11/E12 and methods other than GET', async () => {
    const good = `/media/workspaces/${WORKSPACE}/channels/${CHANNEL}/media/${MEDIA}`;
    const responses = [
      await h.call({
        method: 'POST',
        url: good,
        headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
        payload: {},
      }),
      await get(`/media/workspaces/${WORKSPACE}/channels/${CHANNEL}/messages`),
      await get(`/media${channels.slice(4)}`),
      await get(`/media/workspaces/${WORKSPACE}/channels/${CHANNEL}/media/${MEDIA}/..`),
    ];
    for (const response of responses) expect([400, 403, 404]).toContain(response.statusCode);
    nothingReachedUpstream();
  });
});
