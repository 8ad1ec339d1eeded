import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { type PerchConfig, parseConfig } from './config';
import { internalErrorMessage } from './security/error-handler';

const indexHtml = '<!doctype html><title>Perch fixture</title><div id="root"></div>';
let distDir: string;

beforeAll(() => {
  distDir = mkdtempSync(path.join(os.tmpdir(), 'perch-dist-'));
  mkdirSync(path.join(distDir, 'assets'));
  writeFileSync(path.join(distDir, 'index.html'), indexHtml);
  writeFileSync(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log("hi");');
  writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

afterAll(() => {
  rmSync(distDir, { recursive: true, force: true });
});

function testConfig(env: NodeJS.ProcessEnv = {}, argv: string[] = []): PerchConfig {
  const result = parseConfig(argv, env);
  if (result.kind !== 'config') throw new Error('expected a config');
  return result.config;
}

let app: FastifyInstance | undefined;

function start(
  options: { env?: NodeJS.ProcessEnv; argv?: string[]; distDir?: string | null } = {},
): FastifyInstance {
  app = buildApp({
    config: testConfig(options.env, options.argv),
    distDir: options.distDir === undefined ? distDir : options.distDir,
  });
  return app;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  const csp = String(headers['content-security-policy']);
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
}

describe('GET /healthz', () => {
  it('says ok, with the security headers', async () => {
    const response = await start().inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expectSecurityHeaders(response.headers);
  });
});

describe('the built app', () => {
  it('sends a browser at / to Messages', async () => {
    const response = await start().inject({ url: '/', headers: html });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/messages');
    expectSecurityHeaders(response.headers);
  });

  it('serves index.html for Messages with the security headers, revalidated on each load', async () => {
    const response = await start().inject({ url: '/messages', headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toBe(indexHtml);
    expect(response.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(response.headers);
  });

  it('serves hashed assets cached for good', async () => {
    const response = await start().inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the brotli or gzip copy of an asset to a browser that accepts it', async () => {
    const source = Buffer.from('export const rows = [];\n'.repeat(500));
    const file = path.join(distDir, 'assets', 'rows-def456.js');
    writeFileSync(file, source);
    writeFileSync(`${file}.br`, brotliCompressSync(source));
    writeFileSync(`${file}.gz`, gzipSync(source));
    const app = start();
    const url = '/assets/rows-def456.js';

    const brotli = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toContain('javascript');
    expect(brotli.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(brotli.rawPayload).equals(source)).toBe(true);

    const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(source)).toBe(true);

    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(source)).toBe(true);
  });

  it('answers a deep link to a client route with index.html', async () => {
    const response = await start().inject({ url: '/messages/abc/def?tab=raw', headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toBe(indexHtml);
    expectSecurityHeaders(response.headers);
  });

  it.each(['/api/nope', '/api', '/media/x', '/upload/x', '/sandbox/x', '/session/x', '/healthz/x'])(
    'never answers server path %s with the app, even to a browser',
    async (url) => {
      const response = await start().inject({ url, headers: html });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.body).not.toContain('Perch fixture');
      expectSecurityHeaders(response.headers);
    },
  );

  it('answers a path nobody handles with a JSON 404 naming it', async () => {
    const response = await start().inject({ url: '/healthz/extra?x=1', headers: html });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NotFound', message: 'Nothing at GET /healthz/extra' });
  });

  it('answers non-navigation requests for unknown paths with a JSON 404', async () => {
    const app = start();
    const fetchLike = await app.inject({
      url: '/messages/abc',
      headers: { accept: 'application/json' },
    });
    expect(fetchLike.statusCode).toBe(404);
    expect(fetchLike.json()).toMatchObject({ code: 'NotFound' });

    const post = await app.inject({ method: 'POST', url: '/messages/abc', headers: html });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ code: 'NotFound' });

    const missingAsset = await app.inject({ url: '/assets/gone.js' });
    expect(missingAsset.statusCode).toBe(404);
    expect(missingAsset.json()).toMatchObject({ code: 'NotFound' });
  });

  it('serves no app when distDir is null (npm run dev)', async () => {
    const response = await start({ distDir: null }).inject({ url: '/messages', headers: html });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NotFound' });
  });

  it('refuses to start when the app is not built', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'perch-empty-'));
    try {
      await expect(start({ distDir: empty }).ready()).rejects.toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the Host header check', () => {
  it.each(['localhost', 'localhost:8080', '127.0.0.1:5173', '[::1]:8080', 'LocalHost:1'])(
    'serves %s',
    async (host) => {
      const response = await start().inject({ url: '/healthz', headers: { host } });
      expect(response.statusCode).toBe(200);
    },
  );

  it.each(['evil.example', 'evil.example:8080', 'localhost.evil.example', '127.0.0.1.nip.io'])(
    'refuses %j with 421 and a JSON error, headers included',
    async (host) => {
      const response = await start().inject({ url: '/', headers: { ...html, host } });
      expect(response.statusCode).toBe(421);
      const body = response.json<{ code: string; message: string }>();
      expect(body.code).toBe('MisdirectedRequest');
      expect(body.message).toContain('PERCH_ALLOWED_HOSTS');
      expect(response.body).not.toContain('Perch fixture');
      expectSecurityHeaders(response.headers);
    },
  );

  it('serves the bound host and the names in PERCH_ALLOWED_HOSTS', async () => {
    const app = start({
      argv: ['--host', '192.168.1.20'],
      env: { PERCH_ALLOWED_HOSTS: 'perch.lan,Box.Example' },
    });
    for (const host of ['192.168.1.20:8080', 'perch.lan', 'box.example:443', 'localhost']) {
      const response = await app.inject({ url: '/healthz', headers: { host } });
      expect(response.statusCode, host).toBe(200);
    }
    const other = await app.inject({ url: '/healthz', headers: { host: '192.168.1.21' } });
    expect(other.statusCode).toBe(421);
  });

  it('covers routes that plugins register later, such as the sandbox', async () => {
    const app = start();
    await app.register(
      (sandbox, _options, done) => {
        sandbox.get('/workspaces', () => ({ results: [] }));
        done();
      },
      { prefix: '/sandbox' },
    );
    const refused = await app.inject({
      url: '/sandbox/workspaces',
      headers: { host: 'rebound.example' },
    });
    expect(refused.statusCode).toBe(421);
    const served = await app.inject({ url: '/sandbox/workspaces' });
    expect(served.statusCode).toBe(200);
    expectSecurityHeaders(served.headers);
  });
});

describe('the error handler', () => {
  it('hides the details of a 5xx', async () => {
    const app = start();
    app.get('/boom', () => {
      throw new Error('cannot open /var/secret/db.sqlite: EACCES');
    });
    const response = await app.inject({ url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ code: 'InternalError', message: internalErrorMessage });
    expect(response.body).not.toContain('secret');
    expectSecurityHeaders(response.headers);
  });

  it('keeps the message of a 4xx, which is about the request', async () => {
    const app = start();
    app.get('/conflict', () => {
      throw Object.assign(new Error('The channel is not active'), { statusCode: 409 });
    });
    const response = await app.inject({ url: '/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'Conflict', message: 'The channel is not active' });
  });

  it('answers a malformed JSON body with a 400 error body', async () => {
    const app = start();
    app.post('/echo', (request) => request.body);
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"not json',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BadRequest' });
  });
});
