import type { FastifyRequest } from 'fastify';
import { hasBody } from './body';
import { PerchHttpError } from './errors';

/** Methods that never change anything here; every other method must come from Perch's page. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The request's own origin: its scheme and its Host header (never X-Forwarded-Host). */
function ownOrigin(request: FastifyRequest): string | undefined {
  const host = request.headers.host;
  if (host === undefined || host === '') return undefined;
  try {
    const url = new URL(`${request.protocol}://${host}`);
    return url.host === '' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

function sameOrigin(origin: string | undefined, own: string | undefined): boolean {
  if (origin === undefined || own === undefined || origin === 'null') return false;
  try {
    return new URL(origin).origin === own;
  } catch {
    return false;
  }
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

const forbidden = (message: string): PerchHttpError =>
  new PerchHttpError(403, 'Forbidden', message);

/**
 * Refuses a state-changing request that does not come from Perch's own page (403):
 *
 * - `Origin` must be present and equal the request's own origin (scheme + Host);
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`;
 * - a body must have the expected content type (`application/json`, or
 *   `multipart/form-data` for uploads); POST, PUT and PATCH must have one. A cross-site
 *   form can send neither JSON nor an Origin that matches, and SameSite=Strict keeps the
 *   cookie off it anyway: three locks on one door.
 */
export function assertSameOriginWrite(
  request: FastifyRequest,
  expectedType: 'application/json' | 'multipart/form-data',
): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') {
    throw forbidden('Only Perch’s own page may make this request');
  }
  if (!sameOrigin(request.headers.origin, ownOrigin(request))) {
    throw forbidden('Only Perch’s own page may make this request (Origin does not match)');
  }
  const needsBody = request.method !== 'DELETE';
  if (
    (needsBody || hasBody(request.headers)) &&
    mediaType(request.headers['content-type']) !== expectedType
  ) {
    throw forbidden(`This request must send ${expectedType}`);
  }
}
