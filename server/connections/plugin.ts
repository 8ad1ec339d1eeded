import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiRoutes } from './api-routes';
import {
  type ConnectionsContext,
  type ConnectionsOptions,
  createStore,
  loopbackSandboxBase,
} from './context';
import { handleConnectionsError, PerchHttpError } from './errors';
import { mediaRoutes } from './media-routes';
import { sessionRoutes } from './session-routes';
import { uploadRoutes } from './upload-routes';
import { createUpstreamAgent, DEFAULT_TIMEOUTS, type UpstreamTimeouts } from './upstream';

export type { ConnectionsOptions } from './context';

/** What a log line may say about a request on these routes: method and path, nothing else. */
function requestForLog(request: FastifyRequest): { method: string; url: string } {
  return { method: request.method, url: (request.url.split('?', 1)[0] ?? '').slice(0, 200) };
}

/**
 * Perch's connections (issue 4): `/session`, and the hardened pass-through `/api/*`,
 * `/media/*`, `/upload/*`. Encapsulated: its cookie parser, body parsers, error handler and
 * log serializers apply to these routes only.
 *
 *     app.register(connectionsPlugin, { clock, bird: { apiBase, mediaBase }, sandbox, ... })
 */
export async function connectionsPlugin(
  app: FastifyInstance,
  options: ConnectionsOptions,
): Promise<void> {
  const timeouts: UpstreamTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const agent = createUpstreamAgent(timeouts);
  const context: ConnectionsContext = {
    store: createStore(options),
    agent,
    timeouts,
    bodyReadTimeoutMs: options.bodyReadTimeoutMs ?? 10_000,
    bird: options.bird,
    sandbox: options.sandbox,
    sandboxBase: () => options.sandboxBaseUrl ?? loopbackSandboxBase(app),
  };

  // Writes the session cookie; reading it is left to readSessionCookie, on the routes that
  // need it, so no request pays for parsing cookies it never reads.
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie, { hook: false });
  app.setErrorHandler(handleConnectionsError);
  // Request bodies and headers (cookie, authorization) never reach a log line from here.
  app.addHook('onRoute', (route) => {
    route.logSerializers = { ...route.logSerializers, req: requestForLog };
  });
  // An HTTP/0.9 request line (`GET /path` then CR/LF) is how a raw CR/LF in a target parses.
  app.addHook('onRequest', (request, _reply, next) => {
    if (request.raw.httpVersionMajor >= 1) {
      next();
      return;
    }
    next(new PerchHttpError(400, 'BadRequest', 'The request line is malformed'));
  });
  // preClose, not onClose: in sandbox mode the agent keeps connections open to this very
  // server, and closing the server waits for them. undici's close() still lets requests in
  // flight finish.
  app.addHook('preClose', async () => {
    await agent.close();
  });

  await app.register(sessionRoutes(context));
  await app.register(apiRoutes(context));
  await app.register(mediaRoutes(context));
  await app.register(uploadRoutes(context));
}
