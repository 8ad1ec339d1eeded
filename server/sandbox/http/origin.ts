import type { FastifyRequest } from 'fastify';

/** The origin the sandbox stores on media it generates itself (DEVELOPERS.md). */
export const SANDBOX_ORIGIN = 'https://sandbox.invalid';

/**
 * The absolute base URL of the sandbox as the client reached it: the request's origin plus
 * the mount prefix ('' standalone, '/sandbox' inside Perch).
 */
export function publicBaseUrl(request: FastifyRequest, prefix: string): string {
  return `${request.protocol}://${request.host}${prefix}`;
}

function rewriteString(value: string, base: string): string {
  if (value === SANDBOX_ORIGIN) return base;
  if (value.startsWith(`${SANDBOX_ORIGIN}/`)) return base + value.slice(SANDBOX_ORIGIN.length);
  return value;
}

/**
 * Rewrites every string that starts with the sandbox's stored origin to `base`, deeply. Values
 * that contain no such string come back as the same object (nothing is copied needlessly).
 */
export function rewriteSandboxOrigin<T>(value: T, base: string): T {
  return rewrite(value, base) as T;
}

function rewrite(value: unknown, base: string): unknown {
  if (typeof value === 'string') return rewriteString(value, base);
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    const next = items.map((item) => rewrite(item, base));
    return next.some((item, index) => item !== items[index]) ? next : value;
  }
  if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
    const entries = Object.entries(value);
    const next = entries.map(([key, item]): [string, unknown] => [key, rewrite(item, base)]);
    const changed = next.some(([, item], index) => item !== entries[index]?.[1]);
    // fromEntries defines properties (no `__proto__` setter), unlike assignment.
    return changed ? Object.fromEntries(next) : value;
  }
  return value;
}
