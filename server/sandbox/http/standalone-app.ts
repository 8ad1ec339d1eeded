import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Sandbox } from '../create-sandbox';
import { sandboxPlugin } from '../plugin';
import { birdClientErrorHandler, birdFrameworkErrors } from './error-handler';

export interface StandaloneAppOptions {
  logger?: FastifyServerOptions['logger'];
}

/**
 * The standalone sandbox server (never listens; `main.ts` does): the plugin at the root,
 * so Bird's paths are served exactly as api.bird.com has them. Router-level errors (a
 * malformed percent-encoding, an over-long id) and requests Node's HTTP parser
 * refuses get Bird error bodies too.
 */
export async function buildStandaloneApp(
  sandbox: Sandbox,
  options: StandaloneAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    frameworkErrors: birdFrameworkErrors,
    clientErrorHandler: birdClientErrorHandler,
    requestTimeout: 300_000,
  });
  await app.register(sandboxPlugin, { sandbox });
  return app;
}
