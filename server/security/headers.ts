import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
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
 * Security headers on every response, HTML and JSON alike (nosniff, CSP, no referrer,
 * same-origin opener). Not encapsulated, so it covers routes registered after it.
 */
export const securityHeaders = fp(
  async (app) => {
    await app.register(helmet, helmetOptions);
  },
  { name: 'perch-security-headers', fastify: '5.x' },
);
