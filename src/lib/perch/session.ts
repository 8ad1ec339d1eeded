import { z } from '../zod';

/**
 * Perch's own `/session` routes: how the browser connects without ever holding a key.
 *
 * - `POST /session` with {@link CreateSessionRequest} → 200 {@link SessionInfo} (connected) and
 *   an `HttpOnly; SameSite=Strict; Path=/` cookie (`__Host-perch_session` over HTTPS, else
 *   `perch_session`). Before answering, the server lists the workspace's channels upstream
 *   (E1, `limit=1`) with the key; a failure answers with a {@link PerchErrorBody} whose `code`
 *   is one of {@link CONNECT_ERROR_CODES}. A successful connect replaces any earlier session.
 * - `GET /session` → 200 {@link SessionInfo}. It reports; it does not extend the session.
 * - `DELETE /session` → 204, the key is forgotten and the cookie cleared.
 *
 * Every state-changing request must come from Perch's own page: an `Origin` equal to the
 * page's origin (and `Sec-Fetch-Site: same-origin` when the browser sends it), and a JSON
 * `Content-Type` whenever there is a body. Anything else is 403.
 */

export const sessionModeSchema = z.enum(['sandbox', 'bird']);
export type SessionMode = z.infer<typeof sessionModeSchema>;

/**
 * An access key as it can travel in `Authorization: AccessKey <key>`: visible ASCII, no
 * spaces (so it can never split or inject a header line).
 */
export const accessKeySchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Enter the access key'),
    z.maxLength(512, 'An access key is at most 512 characters'),
    z.regex(/^[\x21-\x7e]+$/, 'An access key has no spaces or special characters'),
  );

export const createSessionRequestSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('sandbox') }),
  z.strictObject({
    mode: z.literal('bird'),
    accessKey: accessKeySchema,
    // 8-4-4-4-12 hex, like every Bird id (the same leniency as lib/bird's uuidSchema).
    workspaceId: z.guid('A workspace id is a UUID'),
  }),
]);
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

export const connectedSessionSchema = z.object({
  connected: z.literal(true),
  mode: sessionModeSchema,
  workspaceId: z.string(),
  /** The last four characters of the access key, for recognition only. */
  keyHint: z.string().check(z.maxLength(4)),
  /**
   * Absolute URL prefixes (origin plus optional path) of the media this upstream hands out.
   * A media URL in a message body that starts with one of them is fetched through
   * `/media/…` (see `toPerchMediaPath` in lib/api/media); anything else is never fetched.
   */
  mediaBases: z.array(z.url({ protocol: /^https?$/ })),
  /** ISO time the idle session expires unless used (`/api`, `/media`, `/upload` extend it). */
  expiresAt: z.iso.datetime(),
});
export type ConnectedSessionInfo = z.infer<typeof connectedSessionSchema>;

export const sessionInfoSchema = z.discriminatedUnion('connected', [
  z.object({ connected: z.literal(false) }),
  connectedSessionSchema,
]);
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** The error body of Perch's own routes, shaped like Bird's. */
export const perchErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.optional(z.record(z.string(), z.array(z.string()))),
});
export type PerchErrorBody = z.infer<typeof perchErrorBodySchema>;

/** What `POST /session` answers when connecting fails; the Connect page shows `message`. */
export const CONNECT_ERROR_CODES = {
  /** 400: the body is not JSON. 422 `InvalidPayload` (with `details`): a field is wrong. */
  badRequest: 'BadRequest',
  invalidPayload: 'InvalidPayload',
  /** 401: Bird did not accept the access key. */
  unauthorized: 'Unauthorized',
  /** 403: the key is valid but may not read this workspace. Also: a cross-origin request. */
  forbidden: 'Forbidden',
  /** 404: Bird knows no such workspace. */
  notFound: 'NotFound',
  /** 429: Bird is rate limiting the key; `Retry-After` says when to try again. */
  tooManyRequests: 'TooManyRequests',
  /** 502: Bird answered something unexpected (a 5xx, a redirect). */
  badGateway: 'BadGateway',
  /** 502: no connection to Bird (DNS, refused, reset, TLS). */
  unreachable: 'Unreachable',
  /** 503: sandbox mode asked of a server that runs no sandbox. */
  unavailable: 'ServiceUnavailable',
  /** 504: Bird did not answer in time. */
  timeout: 'Timeout',
} as const;
