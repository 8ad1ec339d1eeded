import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { OutgoingHttpHeader } from 'node:http';
import Fastify from 'fastify';
import fp from 'fastify-plugin';

/**
 * The Content-Security-Policy of every response. Only what the built app needs: its own
 * scripts, styles and API; images also from `data:` and `blob:` (upload previews).
 *
 * `img-src https:` is for HTML email only: its sandboxed `srcdoc` frame
 * (src/components/safe-html-frame.tsx) inherits this policy, so a remote image can load
 * there only if this policy allows it. It loads only after the user clicked "Load remote
 * content" for that message: until then the sanitiser (src/lib/html) removes every remote
 * URL and the frame's own CSP (`img-src data:`) refuses them again. Plain `http:` never
 * loads. Perch's own code never points an image at another origin.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
} satisfies Record<string, string[]>;

export const helmetOptions: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  referrerPolicy: { policy: 'no-referrer' },
  // Perch serves plain HTTP on a loopback address; HSTS means nothing there.
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
};

/**
 * The headers helmet sets with {@link helmetOptions}, worked out once. They depend on the
 * options only (no nonces), yet @fastify/helmet rebuilds its middleware, parsing every
 * option and directive again, on each request: measured, a sixth to a third of the CPU that
 * Perch spent on a proxied 50-message page. So helmet runs once here, on a private
 * instance, and its headers are replayed on each request.
 */
export async function computeSecurityHeaders(): Promise<
  ReadonlyArray<readonly [string, OutgoingHttpHeader]>
> {
  const probe = Fastify();
  await probe.register(helmet, helmetOptions);
  let captured: Record<string, OutgoingHttpHeader | undefined> = {};
  // At the handler, only the onRequest hooks have run: the raw headers are helmet's alone.
  probe.get('/', (_request, reply) => {
    captured = reply.raw.getHeaders();
    return '';
  });
  await probe.inject({ url: '/' });
  await probe.close();
  return Object.entries(captured).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, value] as const],
  );
}

/**
 * Security headers on every response, HTML and JSON alike (nosniff, CSP, no referrer,
 * same-origin opener), set on the raw response in `onRequest` as @fastify/helmet does, so
 * a route's own `reply.header` (e.g. the media CSP) still wins. Not encapsulated, so it
 * covers routes registered after it.
 */
export const securityHeaders = fp(
  async (app) => {
    const headers = await computeSecurityHeaders();
    if (headers.length === 0) throw new Error('helmet set no security headers');
    app.addHook('onRequest', (_request, reply, done) => {
      const raw = reply.raw;
      for (const [name, value] of headers) raw.setHeader(name, value);
      done();
    });
  },
  { name: 'perch-security-headers', fastify: '5.x' },
);
