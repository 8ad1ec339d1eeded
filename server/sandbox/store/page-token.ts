import { PAGE_TOKEN_MAX_LENGTH } from '../../../src/lib/bird/decisions';
import type { PageCursor } from './types';

/**
 * The sandbox's list cursor (contract §1, DEC): base64url of the JSON `[createdAt, id]` of
 * the last row of a page, `createdAt` in the API's RFC 3339 form. Opaque to clients; a
 * token that does not decode to exactly that shape is rejected (400), never ignored.
 */

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodePageToken(cursor: PageCursor): string {
  const json = JSON.stringify([new Date(cursor.createdAt).toISOString(), cursor.id]);
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** The cursor a token stands for, or `undefined` when it is malformed or not ours. */
export function decodePageToken(token: string): PageCursor | undefined {
  if (token.length === 0 || token.length > PAGE_TOKEN_MAX_LENGTH || !BASE64URL.test(token)) {
    return undefined;
  }
  const bytes = Buffer.from(token, 'base64url');
  // Reject non-canonical encodings (stray bits), so one cursor has one spelling.
  if (bytes.toString('base64url') !== token) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const createdAt: unknown = value[0];
  const id: unknown = value[1];
  if (typeof createdAt !== 'string' || typeof id !== 'string') return undefined;
  if (!TIMESTAMP.test(createdAt) || !ID.test(id)) return undefined;
  const ms = Date.parse(createdAt);
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== createdAt) return undefined;
  return { createdAt: ms, id };
}
