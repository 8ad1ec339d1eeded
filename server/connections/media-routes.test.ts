import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCESS_KEY,
  CHANNEL,
  type Harness,
  MEDIA,
  MESSAGE,
  startHarness,
  WORKSPACE,
} from './testing/harness';

const e11 = `/workspaces/${WORKSPACE}/channels/${CHANNEL}/media/${MEDIA}`;
const e12 = `/workspaces/${WORKSPACE}/messages/${MESSAGE}/media/${MEDIA}`;
const PDF = Buffer.from('%PDF-1.4\n'.repeat(300));

describe('/media HEAD', () => {
  let h: Harness;
  let cookie: string;

  beforeAll(async () => {
    h = await startHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    expect(h.leakedKeys()).toEqual([]);
    await h.close();
  });
  beforeEach(async () => {
    cookie = await h.connect();
    h.upstream.respond(() => ({
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(PDF.length),
        'content-disposition': 'attachment; filename="a.pdf"',
        'set-cookie': 'x=1',
      },
      body: PDF,
    }));
  });
  afterEach(() => {
    h.upstream.reset();
  });

  it('answers with the headers of an upstream GET, size included, and no body', async () => {
    for (const path of [e11, e12]) {
      const response = await h.call({ method: 'HEAD', url: `/media${path}`, headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload).toHaveLength(0);
      expect(response.headers['content-length']).toBe(String(PDF.length));
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain('sandbox');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(h.upstream.requests.map((r) => [r.method, r.url])).toEqual([
      ['GET', `/bird-media${e11}`],
      ['GET', `/bird-media${e12}`],
    ]);
    expect(h.upstream.requests[0]?.headers.authorization).toBe(`AccessKey ${ACCESS_KEY}`);
  });

  it('gives no length when the upstream gives none', async () => {
    h.upstream.respond(() => ({
      status: 200,
      headers: { 'content-type': 'image/png' },
      body: PDF,
    }));
    const response = await h.call({ method: 'HEAD', url: `/media${e12}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBeUndefined();
  });

  it('passes an upstream error status through', async () => {
    h.upstream.respond(() => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'NotFound', message: 'no such media' }),
    }));
    const response = await h.call({ method: 'HEAD', url: `/media${e11}`, headers: { cookie } });
    expect(response.statusCode).toBe(404);
    expect(response.rawPayload).toHaveLength(0);
  });

  it('lets no HEAD out for other shapes, nor without a session', async () => {
    const other = await h.call({
      method: 'HEAD',
      url: `/media/workspaces/${WORKSPACE}/channels`,
      headers: { cookie },
    });
    expect(other.statusCode).toBe(404);
    const anonymous = await h.call({ method: 'HEAD', url: `/media${e11}` });
    expect(anonymous.statusCode).toBe(401);
    expect(h.upstream.requests).toEqual([]);
  });
});
