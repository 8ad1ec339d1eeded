import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Prerendered } from '../../src/app/prerender';
import { VIEW_COOKIE, type View } from '../../src/lib/view-cookie';
import { ManualClock } from '../clock';
import { securityHeaders } from '../security/headers';
import { staticApp } from '../static';
import { prerenderPlugin, type PrerenderModule } from './plugin';

const TEMPLATE =
  '<!doctype html><html lang="en"><head><title>Perch</title><script src="/theme-init.js"></script>' +
  '<script type="module" crossorigin src="/assets/index-1.js"></script>' +
  '<link rel="stylesheet" crossorigin href="/assets/index-1.css"></head>' +
  '<body><div id="root"></div></body></html>';
/** The head every server-rendered page starts with, whatever the render gives. */
const PAGE_START =
  '<!doctype html><html lang="en" data-theme="dark"><head><title>Perch</title>' +
  '<script type="module" src="/server-page-start.js" data-app="/assets/index-1.js"></script>' +
  '<link rel="stylesheet" crossorigin href="/assets/index-1.css" disabled>';
const VIEW: View = { zone: 'Europe/Amsterdam', theme: 'dark', prefs: {} };
const viewCookie = (view: unknown) =>
  `${VIEW_COOKIE}=${encodeURIComponent(JSON.stringify(view))}; perch_session=s3cret`;

let distDir: string;
let app: FastifyInstance | undefined;

beforeEach(() => {
  distDir = mkdtempSync(path.join(tmpdir(), 'perch-prerender-'));
  writeFileSync(path.join(distDir, 'index.html'), TEMPLATE);
  mkdirSync(path.join(distDir, 'assets'));
  writeFileSync(path.join(distDir, 'assets', 'index-1.css'), 'body{margin:0}');
  writeFileSync(path.join(distDir, 'server-page-start.js'), 'start()');
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(distDir, { recursive: true, force: true });
});

/** A server with a stand-in for the built render, which asks `/echo` and renders `html`. */
async function serve(
  render: (fetch: typeof globalThis.fetch, view: View) => Promise<Prerendered | undefined>,
  timeoutMs?: number,
): Promise<FastifyInstance> {
  let transport: typeof fetch = () => Promise.reject(new Error('no transport'));
  const module: PrerenderModule = {
    setApiTransport: (next) => {
      transport = next;
    },
    prerenderMessagesPage: (_url, view) => render(transport, view),
  };
  const server = Fastify();
  await server.register(securityHeaders);
  server.get('/echo', (request) => ({ cookie: request.headers.cookie ?? null }));
  server.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'NotFound' }));
  await server.register(staticApp, { distDir });
  await server.register(prerenderPlugin, {
    distDir,
    clock: new ManualClock(0),
    loadModule: () => Promise.resolve(module),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  app = server;
  return server;
}

const page = (html: string): Prerendered => ({
  html,
  state: { mutations: [], queries: [] },
});

async function getMessages(server: FastifyInstance, cookie?: string) {
  return server.inject({
    url: '/messages',
    headers: { accept: 'text/html', ...(cookie === undefined ? {} : { cookie }) },
  });
}

describe('GET /messages', () => {
  it('sends the rendered rows, their sizes as nonce-allowed rules, and the cache', async () => {
    const server = await serve(() =>
      Promise.resolve(page('<div role="row" style="transform:translateY(40px)">row</div>')),
    );
    const response = await getMessages(server, viewCookie(VIEW));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const csp = String(response.headers['content-security-policy']);
    const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("script-src 'self';");
    expect(response.body).toContain(`<style nonce="${nonce ?? ''}">body{margin:0}</style>`);
    expect(response.body).toContain(`<style id="perch-server-styles" nonce="${nonce ?? ''}">`);
    expect(response.body.startsWith(PAGE_START)).toBe(true);
    expect(response.body).not.toContain('theme-init.js');
    expect(response.body).toContain(
      '<div id="root" inert aria-disabled="true"><div role="row" data-server-style="0">row</div></div>',
    );
    expect(response.body).not.toMatch(/\sstyle="/);
    expect(response.body).toContain('<script type="application/json" id="perch-server-state">');
  });

  it('uses a new nonce for every page', async () => {
    const server = await serve(() => Promise.resolve(page('<p style="width:1px"></p>')));
    const first = await getMessages(server, viewCookie(VIEW));
    const second = await getMessages(server, viewCookie(VIEW));
    expect(first.headers['content-security-policy']).not.toBe(
      second.headers['content-security-policy'],
    );
  });

  it("answers the render's requests in-process with the operator's cookie, reads only", async () => {
    const seen: unknown[] = [];
    const server = await serve(async (fetchForPage) => {
      seen.push(await (await fetchForPage('/echo')).json());
      for (const attempt of [
        () => fetchForPage('/echo', { method: 'POST' }),
        () => fetchForPage('https://evil.example/echo'),
        () => fetchForPage('//evil.example/echo'),
      ]) {
        seen.push(
          await attempt().then(
            () => 'sent',
            (error: unknown) => (error instanceof TypeError ? 'refused' : 'other'),
          ),
        );
      }
      return page('<p></p>');
    });
    await getMessages(server, viewCookie(VIEW));
    expect(seen).toEqual([{ cookie: viewCookie(VIEW) }, 'refused', 'refused', 'refused']);
  });

  it.each([
    ['no view cookie', undefined],
    ['a view cookie that is not JSON', `${VIEW_COOKIE}=nope`],
    ['a view with a zone that is none', viewCookie({ ...VIEW, zone: 'Mars/Olympus' })],
    ['a view with an unknown theme', viewCookie({ ...VIEW, theme: 'sepia' })],
  ])('sends the plain app with %s', async (_case, cookie) => {
    let rendered = 0;
    const server = await serve(() => {
      rendered += 1;
      return Promise.resolve(page('<p>rows</p>'));
    });
    const response = await getMessages(server, cookie);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(TEMPLATE);
    expect(rendered).toBe(0);
  });

  it('sends its head before the render is done', async () => {
    let finish: (page: Prerendered) => void = () => undefined;
    const server = await serve(() => new Promise<Prerendered>((resolve) => (finish = resolve)));
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${String(port)}/messages`, {
      headers: { accept: 'text/html', cookie: viewCookie(VIEW) },
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('body{margin:0}</style>')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received.startsWith(PAGE_START)).toBe(true);
    expect(received).not.toContain('</head>');
    finish(page('<p>rows</p>'));
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      received += decoder.decode(chunk.value, { stream: true });
    }
    expect(received).toContain('<div id="root" inert aria-disabled="true"><p>rows</p></div>');
    expect(received.endsWith('</html>')).toBe(true);
  });

  it.each([
    ['has nothing to show', () => Promise.resolve(undefined)],
    ['fails', () => Promise.reject(new Error('boom'))],
    ['writes a style it does not know', () => Promise.resolve(page('<p style="color:red"></p>'))],
    ['is too slow', () => new Promise<Prerendered>(() => undefined)],
  ])('ends the page as the app renders it when the render %s', async (_case, render) => {
    const server = await serve(render, 50);
    const response = await getMessages(server, viewCookie(VIEW));
    expect(response.statusCode).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1];
    expect(response.body).toBe(
      `${PAGE_START}<style nonce="${nonce ?? ''}">body{margin:0}</style></head>` +
        '<body><div id="root"></div></body></html>',
    );
  });

  it('is not a page for a client that does not ask for HTML', async () => {
    const server = await serve(() => Promise.resolve(page('<p></p>')));
    const response = await server.inject({
      url: '/messages',
      headers: { accept: 'application/json' },
    });
    expect(response.statusCode).toBe(404);
  });
});
