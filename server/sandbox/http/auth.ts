import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AUTH_SCHEME } from '../../../src/lib/bird/decisions';
import { BirdError } from './errors';

export type KeyRole = 'full' | 'read-only';

export interface AccessKeys {
  accessKey: string;
  readOnlyKey?: string | undefined;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Equal-length digests compared in constant time, so neither content nor length leaks. */
export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

const schemePattern = new RegExp(`^${AUTH_SCHEME}[ \\t]+(\\S+)[ \\t]*$`, 'i');

/** Which role the `Authorization: AccessKey <key>` header grants, or null. */
export function roleFor(header: string | undefined, keys: AccessKeys): KeyRole | null {
  if (header === undefined) return null;
  const match = schemePattern.exec(header);
  const presented = match?.[1];
  if (presented === undefined) return null;
  // Compare against both keys every time, so timing does not tell which one matched.
  const full = constantTimeEqual(presented, keys.accessKey);
  const readOnly = keys.readOnlyKey !== undefined && constantTimeEqual(presented, keys.readOnlyKey);
  if (full) return 'full';
  if (readOnly) return 'read-only';
  return null;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The `onRequest` check (runs before the body is read): 401 without a valid key, 403 when a
 * read-only key tries anything but a read.
 */
export function authorize(request: FastifyRequest, keys: AccessKeys): KeyRole {
  const role = roleFor(request.headers.authorization, keys);
  if (role === null) {
    throw new BirdError(401, 'Missing or invalid access key (Authorization: AccessKey <key>)');
  }
  if (role === 'read-only' && !safeMethods.has(request.method)) {
    throw new BirdError(403, 'This access key is read-only');
  }
  return role;
}
