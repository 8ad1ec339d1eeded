import { Writable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_KEY,
  CHANNEL,
  ORIGIN,
  SANDBOX_KEY,
  startHarness,
  WORKSPACE,
} from './testing/harness';

/** A log destination in memory. */
function memoryStream(): { stream: Writable; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('logging', () => {
  it('never writes an access key to the log, even with a careless request serializer', async () => {
    const log = memoryStream();
    const h = await startHarness({
      logger: {
        level: 'trace',
        stream: log.stream,
        // What a careless app-wide setting could look like: whole requests, headers included.
        serializers: {
          req: (request: FastifyRequest) => ({
            method: request.method,
            url: request.url,
            headers: request.headers,
            body: request.body,
          }),
        },
      },
    });
    const json = { origin: ORIGIN, 'content-type': 'application/json' };
    try {
      const cookie = await h.connect();
      await h.call({
        method: 'POST',
        url: '/session',
        headers: json,
        payload: `{"mode":"bird","accessKey":"${ACCESS_KEY}"`,
      });
      await h.call({
        method: 'POST',
        url: '/session',
        headers: json,
        payload: { mode: 'bird', accessKey: `${ACCESS_KEY} `, workspaceId: 'x', more: ACCESS_KEY },
      });
      await h.call({
        method: 'POST',
        url: '/session',
        headers: json,
        payload: { mode: 'sandbox' },
      });
      h.upstream.respond(() => ({ status: 401, body: '{}' }));
      await h.call({
        method: 'POST',
        url: '/session',
        headers: json,
        payload: { mode: 'bird', accessKey: ACCESS_KEY, workspaceId: WORKSPACE },
      });
      h.upstream.reset();
      await h.call({
        method: 'GET',
        url: `/api/workspaces/${WORKSPACE}/channels?limit=5`,
        headers: { cookie, authorization: `AccessKey ${ACCESS_KEY}` },
      });
      await h.call({
        method: 'POST',
        url: `/api/workspaces/${WORKSPACE}/channels/${CHANNEL}/messages`,
        headers: { ...json, cookie },
        payload: { note: ACCESS_KEY },
      });
      h.upstream.respond(() => 'hang');
      await h.app.close();

      const text = log.text();
      expect(text).toContain('incoming request');
      expect(text).not.toContain(ACCESS_KEY);
      expect(text).not.toContain(SANDBOX_KEY);
      expect(text).not.toContain(cookie.split('=')[1]);
    } finally {
      await h.close();
    }
  });
});
