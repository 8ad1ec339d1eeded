import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { systemClock } from './clock';
import type { PerchConfig } from './config';
import { connectionsPlugin } from './connections/plugin';
import type { Sandbox } from './sandbox/create-sandbox';
import { birdFrameworkErrors } from './sandbox/http/error-handler';
import { sandboxPlugin } from './sandbox/plugin';
import { errorBody } from './security/error-body';
import { prerenderPlugin } from './prerender/plugin';
import { registerErrorHandler } from './security/error-handler';
import { securityHeaders } from './security/headers';
import { hostCheck } from './security/host-check';
import { defaultDistDir, isClientRouteRequest, sendIndexHtml, staticApp } from './static';

export interface BuildAppOptions {
  config: PerchConfig;
  /**
   * The built browser app. Default: the repository's `dist/`. `null` serves no app
   * (`npm run dev`, where Vite serves it).
   */
  distDir?: string | null;
  /** Fastify's logger; off unless given (main.ts logs warnings to stderr). */
  logger?: FastifyServerOptions['logger'];
  /** The in-process sandbox (`createSandbox`), served at `/sandbox`; absent: none. */
  sandbox?: Sandbox | undefined;
}

/** Builds the Perch server without listening, so tests can use `app.inject()`. */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { config } = options;
  const distDir = options.distDir === undefined ? defaultDistDir : options.distDir;
  const app = Fastify({
    logger: options.logger ?? false,
    // Node's own default; Fastify's is none. Loopback uploads finish well within it.
    requestTimeout: 300_000,
    // Router-level errors (a malformed %-escape, an over-long id) as `{ code, message }`
    // bodies, like every other error here and in the sandbox.
    frameworkErrors: birdFrameworkErrors,
  });

  // 1. Security first: these hooks are root-level and run before every route below,
  //    including the routes of plugins registered later.
  void app.register(securityHeaders);
  void app.register(hostCheck, { boundHost: config.host, allowedHosts: config.allowedHosts });
  registerErrorHandler(app);

  app.setNotFoundHandler((request, reply) => {
    if (distDir !== null && isClientRouteRequest(request)) return sendIndexHtml(reply);
    const pathname = request.url.split('?', 1)[0] ?? '';
    return reply.code(404).send(errorBody(404, `Nothing at ${request.method} ${pathname}`));
  });

  // 2. Perch's own routes.
  app.get(
    '/healthz',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string', enum: ['ok'] } },
            required: ['status'],
          },
        },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  // 3. The sandbox (issue 3), mounted at /sandbox.
  if (options.sandbox !== undefined) {
    void app.register(sandboxPlugin, { sandbox: options.sandbox, prefix: '/sandbox' });
  }

  // 4. Connections (issue 4): /session, /api, /media, /upload. Sandbox mode also needs
  //    `sandbox` (what createSandbox returns: its workspaceId and accessKey).
  void app.register(connectionsPlugin, {
    clock: systemClock,
    bird: { apiBase: config.birdApi, mediaBase: config.birdMedia },
    sessionIdleMinutes: config.sessionIdleMinutes,
    sandbox: options.sandbox,
  });

  // 5. The built app; unmatched navigations fall back to index.html (see the 404 handler).
  if (distDir !== null) {
    // `/` is Messages. The server sends the browser there itself (the app would too), so
    // that a returning operator's first page can arrive rendered (server/prerender/).
    app.addHook('onRequest', (request, reply, done) => {
      if (request.url === '/' && isClientRouteRequest(request)) {
        void reply.redirect('/messages', 302);
        return;
      }
      done();
    });
    void app.register(staticApp, { distDir });
    // /messages with its first rows in the HTML, for a returning operator.
    void app.register(prerenderPlugin, { distDir, clock: systemClock });
  }

  return app;
}
