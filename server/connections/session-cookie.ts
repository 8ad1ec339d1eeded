import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session cookie: `HttpOnly; SameSite=Strict; Path=/`, and over HTTPS also `Secure`
 * under the `__Host-` name (which browsers accept only with Secure, Path=/ and no Domain, so
 * no sibling host can plant or shadow it). No Max-Age: it ends with the browser, and the
 * server's idle expiry ends it sooner.
 */
export const COOKIE_NAME = 'perch_session';
export const SECURE_COOKIE_NAME = '__Host-perch_session';

const isHttps = (request: FastifyRequest): boolean => request.protocol === 'https';

export function cookieName(request: FastifyRequest): string {
  return isHttps(request) ? SECURE_COOKIE_NAME : COOKIE_NAME;
}

/**
 * The session id the request carries. Parsed here, on the routes that need it, rather than
 * by @fastify/cookie on every request (its hook is off, see plugin.ts).
 */
export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined || header === '') return undefined;
  return request.server.parseCookie(header)[cookieName(request)];
}

function attributes(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: isHttps(request) } as const;
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, id: string): void {
  void reply.setCookie(cookieName(request), id, attributes(request));
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  void reply.clearCookie(cookieName(request), attributes(request));
}
