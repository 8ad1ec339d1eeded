import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { computeSecurityHeaders, helmetOptions, securityHeaders } from './headers';

const apps: FastifyInstance[] = [];

async function serve(register: (app: FastifyInstance) => Promise<void>): Promise<FastifyInstance> {
  const app = Fastify();
  apps.push(app);
  await register(app);
  app.get('/page', () => 'page');
  app.get('/own-csp', (_request, reply) =>
    reply.header('content-security-policy', "default-src 'none'").send('media'),
  );
  return app;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const withoutDate = (headers: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'date'));

describe('securityHeaders', () => {
  it('answers with exactly the headers @fastify/helmet sets, on a route, a 404 and a route that sets its own CSP', async () => {
    const perch = await serve(async (app) => {
      await app.register(securityHeaders);
    });
    const reference = await serve(async (app) => {
      await app.register(helmet, helmetOptions);
    });
    for (const url of ['/page', '/missing', '/own-csp']) {
      const [ours, theirs] = [await perch.inject({ url }), await reference.inject({ url })];
      expect(withoutDate(ours.headers), url).toEqual(withoutDate(theirs.headers));
    }
    const own = await perch.inject({ url: '/own-csp' });
    expect(own.headers['content-security-policy']).toBe("default-src 'none'");
  });

  it('works the headers out once: the CSP, nosniff, no-referrer and same-origin opener', async () => {
    const headers = new Map(await computeSecurityHeaders());
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(headers.has('strict-transport-security')).toBe(false);
  });
});
