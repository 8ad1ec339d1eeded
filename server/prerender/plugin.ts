import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { Prerendered } from '../../src/app/prerender';
import { VIEW_COOKIE, parseViewCookie, type View } from '../../src/lib/view-cookie';
import type { Clock } from '../clock';
import { isClientRouteRequest, sendIndexHtml } from '../static';
import { prerenderModuleFor } from '../static-build';
import { inProcessFetch } from './in-process-fetch';
import { moveInlineStyles, withStyleNonce } from './inline-styles';
import { type PageHead, pageEnd, pageStart, preparePageTemplate } from './page-html';

/** What the built src/app/prerender.tsx exports that the server uses. */
export interface PrerenderModule {
  setApiTransport: (transport: typeof fetch) => void;
  prerenderMessagesPage: (url: URL, view: View, now: number) => Promise<Prerendered | undefined>;
}

export interface PrerenderOptions {
  distDir: string;
  clock: Clock;
  /** The server's render of the app; default: the build beside `distDir`. */
  loadModule?: () => Promise<PrerenderModule>;
  /** Longer than this, the page goes out without rows and the browser asks for them. */
  timeoutMs?: number;
}

/** A sandbox answers in milliseconds; a slow Bird should not hold the page back for long. */
const DEFAULT_TIMEOUT_MS = 1_500;

/** A file of the build by its URL path (`/assets/x.css`), if it is one. */
function readAsset(distDir: string, urlPath: string): string | undefined {
  const file = path.resolve(distDir, `.${urlPath}`);
  if (!file.startsWith(path.resolve(distDir) + path.sep)) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function loadBuiltModule(distDir: string): Promise<PrerenderModule | undefined> {
  const file = prerenderModuleFor(distDir);
  if (!existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as PrerenderModule;
}

function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * `GET /messages` for a returning operator: the page with its first rows already in the HTML
 * (src/app/prerender.tsx), rendered as their browser would from the preferences it reported
 * in the `perch-view` cookie. Without that cookie, or when the render has nothing to show
 * (not connected, the list failed, too slow), the usual index.html, and the browser renders
 * the page itself.
 */
export async function prerenderPlugin(
  app: FastifyInstance,
  options: PrerenderOptions,
): Promise<void> {
  const { distDir, clock } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const loaded = await (options.loadModule?.() ?? loadBuiltModule(distDir));
  const template = preparePageTemplate(
    readFileSync(path.join(distDir, 'index.html'), 'utf8'),
    (urlPath) => readAsset(distDir, urlPath),
  );
  if (loaded === undefined || template === undefined) return;
  const module = loaded;
  // Only to read the view cookie (this plugin's own context; nothing else changes).
  await app.register(fastifyCookie, { hook: false });

  // The module is one for the whole server; each render's requests go out with its own
  // operator's cookie.
  const renderFetch = new AsyncLocalStorage<typeof fetch>();
  module.setApiTransport((input, init) => {
    const current = renderFetch.getStore();
    if (current === undefined) return Promise.reject(new TypeError('no page is being rendered'));
    return current(input, init);
  });

  async function render(request: FastifyRequest, view: View) {
    const url = new URL(request.url, 'http://perch.invalid');
    const fetchForRequest = inProcessFetch(app, {
      cookie: request.headers.cookie,
      host: request.headers.host,
    });
    try {
      return await within(
        timeoutMs,
        renderFetch.run(fetchForRequest, () =>
          module.prerenderMessagesPage(url, view, clock.now()),
        ),
      );
    } catch (error) {
      request.log.warn({ err: error }, 'server render of /messages failed');
      return undefined;
    }
  }

  /** The rest of the page once the render is done, or the app's own page without it. */
  const pageRest = async (request: FastifyRequest, view: View, head: PageHead) => {
    const page = await render(request, view);
    const styles = page === undefined ? undefined : moveInlineStyles(page.html);
    if (page === undefined || styles === undefined) return pageEnd(template, head);
    return pageEnd(template, head, { html: styles.html, css: styles.css, state: page.state });
  };

  app.get('/messages', (request: FastifyRequest, reply: FastifyReply) => {
    if (!isClientRouteRequest(request)) {
      reply.callNotFound();
      return reply;
    }
    const cookies = request.server.parseCookie(request.headers.cookie ?? '');
    const view = parseViewCookie(cookies[VIEW_COOKIE]);
    if (view === undefined) return sendIndexHtml(reply);
    const nonce = randomBytes(18).toString('base64');
    const policy = reply.raw.getHeader('content-security-policy');
    const csp = withStyleNonce(typeof policy === 'string' ? policy : undefined, nonce);
    if (csp === undefined) return sendIndexHtml(reply);
    const head: PageHead = { nonce, theme: view.theme };
    // The head goes out at once; the render starts once it has, and the rest follows.
    const page = async function* () {
      yield pageStart(template, head);
      yield await pageRest(request, view, head);
    };
    return reply
      .header('content-security-policy', csp)
      .header('cache-control', 'no-store')
      .header('vary', 'cookie')
      .type('text/html; charset=utf-8')
      .send(Readable.from(page()));
  });
}
