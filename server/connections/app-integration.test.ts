import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { parseConfig } from '../config';
import { ACCESS_KEY, CHANNEL, WORKSPACE } from './testing/harness';
import { RecordingUpstream } from './testing/recording-upstream';

/** The connections plugin inside the real app: host check first, security headers on top. */
describe('connections in buildApp', () => {
  let upstream: RecordingUpstream;
  let app: FastifyInstance;
  const origin = 'http://127.0.0.1:8080';
  const host = '127.0.0.1:8080';

  beforeAll(async () => {
    upstream = await RecordingUpstream.start();
    const result = parseConfig([], {
      PERCH_BIRD_API: `${upstream.origin}/bird`,
      PERCH_BIRD_MEDIA: `${upstream.origin}/media`,
    });
    if (result.kind !== 'config') throw new Error('expected a config');
    app = buildApp({ config: result.config, distDir: null });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  it('connects, passes a call through with the key, and keeps the app’s security headers', async () => {
    const connected = await app.inject({
      method: 'POST',
      url: '/session',
      headers: { host, origin, 'content-type': 'application/json' },
      payload: { mode: 'bird', accessKey: ACCESS_KEY, workspaceId: WORKSPACE },
    });
    expect(connected.statusCode).toBe(200);
    const cookie = `perch_session=${connected.cookies[0]?.value ?? ''}`;
    upstream.reset();

    const list = await app.inject({
      method: 'GET',
      url: `/api/workspaces/${WORKSPACE}/channels/${CHANNEL}/messages?limit=50`,
      headers: { host, cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-security-policy']).toContain("default-src 'self'");
    expect(list.headers['x-content-type-options']).toBe('nosniff');
    expect(upstream.requests.map((r) => r.url)).toEqual([
      `/bird/workspaces/${WORKSPACE}/channels/${CHANNEL}/messages?limit=50`,
    ]);
    expect(upstream.requests[0]?.headers.authorization).toBe(`AccessKey ${ACCESS_KEY}`);
    expect(list.body).not.toContain(ACCESS_KEY);
  });

  it('lets the host check refuse a rebinding Host before anything reaches the upstream', async () => {
    upstream.reset();
    const response = await app.inject({
      method: 'POST',
      url: '/session',
      headers: {
        host: 'evil.example',
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      payload: { mode: 'bird', accessKey: ACCESS_KEY, workspaceId: WORKSPACE },
    });
    expect(response.statusCode).toBe(421);
    expect(upstream.requests).toEqual([]);
  });
});
