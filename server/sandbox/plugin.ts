import type { FastifyPluginAsync } from 'fastify';
import type { Sandbox } from './create-sandbox';
import { authorize } from './http/auth';
import { birdErrorHandler } from './http/error-handler';
import { notFound } from './http/errors';
import { useJsonBodyParser } from './http/json-body';
import { publicBaseUrl, rewriteSandboxOrigin } from './http/origin';
import { bucketFor, RateLimiter } from './http/rate-limit';
import './http/route-config';
import { mediaRoutes } from './media/routes';
import { channelRoutes } from './routes/channels';
import { controlRoutes } from './routes/control';
import { messageRoutes } from './routes/messages';

export interface SandboxPluginOptions {
  sandbox: Sandbox;
}

/**
 * The sandbox's HTTP face: Bird's messaging paths (E1–E12) and the `_sandbox/` controls.
 * Encapsulated (not wrapped in fastify-plugin), so its parser, hooks and handlers stay
 * inside. Standalone it is registered at the root; inside Perch at `/sandbox`.
 *
 * For every request, in order: AccessKey (`onRequest`, before the body is read: 401, or 403
 * for a read-only key that posts), the workspace's rate limit (429 with `Retry-After`), the
 * scheduler catches up with the clock (sends do it in their group commit instead); then the
 * JSON body (415/413/400) and the route.
 * Every error is a Bird error body; stored `https://sandbox.invalid` URLs leave as this
 * server's own origin and prefix.
 */
export const sandboxPlugin: FastifyPluginAsync<SandboxPluginOptions> = async (app, options) => {
  const { sandbox } = options;
  const prefix = app.prefix;
  const limiter = sandbox.rateLimits ? new RateLimiter(sandbox.rateLimitClock) : undefined;

  useJsonBodyParser(app);
  app.setErrorHandler(birdErrorHandler);

  app.addHook('onRequest', (request, _reply, done) => {
    const config = request.routeOptions.config;
    try {
      if (config.skipAccessKey !== true) {
        authorize(request, sandbox);
        if (limiter !== undefined && config.skipRateLimit !== true) {
          limiter.take(sandbox.workspaceId, bucketFor(request.method));
        }
      }
    } catch (error) {
      done(error as Error);
      return;
    }
    if (config.catchUpInCommit !== true) sandbox.scheduler.catchUp();
    done();
  });

  app.addHook('preSerialization', (request, _reply, payload: unknown, done) => {
    done(null, rewriteSandboxOrigin(payload, publicBaseUrl(request, prefix)));
  });

  app.setNotFoundHandler(() => {
    throw notFound('No such resource or method in the sandbox');
  });

  await app.register(channelRoutes, { sandbox });
  await app.register(messageRoutes, { sandbox });
  await app.register(mediaRoutes, { media: sandbox.media });
  await app.register(controlRoutes, { sandbox, prefix: '/_sandbox' });
};
