import { z } from '../zod';
import { ERROR_CODES } from './decisions';

/**
 * Building blocks shared by every Bird schema: ids, timestamps, the error body, list pages,
 * platform ids.
 */

/**
 * A schema-level message for a bad format only: a missing or mistyped value still falls
 * through to the parse's error map ("required", "must be a string").
 */
export function formatError(message: string) {
  return (issue: { code?: string }) => (issue.code === 'invalid_format' ? message : undefined);
}

/**
 * A UUID in its 8-4-4-4-12 hex form, any version or variant (Bird ids are UUIDs; being
 * lenient on version bits keeps hand-written test ids like `1111…` usable).
 */
export const uuidSchema = z.guid({ error: formatError('must be a UUID') });

/**
 * A time as the API writes it (§1, DOC): RFC 3339 in UTC with exactly milliseconds,
 * `2026-11-27T15:04:05.123Z` — what `Date.prototype.toISOString()` produces.
 */
export const timestampSchema = z.iso.datetime({
  precision: 3,
  error: formatError('must be a UTC time like 2026-11-27T15:04:05.123Z'),
});
export type Timestamp = z.infer<typeof timestampSchema>;

/**
 * A time as the API accepts it in requests: any RFC 3339 date-time with seconds, optional
 * fractions and `Z` or a `±hh:mm` offset.
 */
export const rfc3339Schema = z.iso.datetime({
  offset: true,
  error: formatError('must be an RFC 3339 date-time like 2026-11-27T15:04:05Z'),
});

/** An RFC 3339 input, normalised to the API's output form (UTC, milliseconds). */
export const rfc3339ToTimestampSchema = z.pipe(
  rfc3339Schema,
  z.transform((value: string) => new Date(Date.parse(value)).toISOString()),
);

/** The API's form of an epoch-milliseconds instant. */
export function toTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Epoch milliseconds of an RFC 3339 string, or `undefined` when it is not one. */
export function parseRfc3339(value: string): number | undefined {
  if (!rfc3339Schema.safeParse(value).success) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** §1 Error body: `code` and `message` always, `details` (path → messages) on 422. */
export const errorCodeSchema = z.enum(ERROR_CODES);
export const validationDetailsSchema = z.record(z.string(), z.array(z.string()));
export type ValidationDetails = z.infer<typeof validationDetailsSchema>;
export const birdErrorSchema = z.object({
  /** One of {@link ERROR_CODES} from Perch's sandbox; any string from upstream. */
  code: z.string(),
  message: z.string(),
  details: z.optional(validationDetailsSchema),
});
export type BirdError = z.infer<typeof birdErrorSchema>;

/** §1 Lists: `{ results, nextPageToken? }`; no or empty token means the last page. */
export function listPage<T extends z.core.SomeType>(itemSchema: T) {
  return z.object({
    results: z.array(itemSchema),
    nextPageToken: z.optional(z.string()),
  });
}
export interface ListPage<T> {
  results: T[];
  nextPageToken?: string | undefined;
}
/** The cursor of the next page, or `undefined` on the last page (empty token included). */
export function nextPageTokenOf(page: { nextPageToken?: string | undefined }): string | undefined {
  return page.nextPageToken === undefined || page.nextPageToken === ''
    ? undefined
    : page.nextPageToken;
}

/** §2/§3 Platform ids: `^[A-Za-z0-9-]+$`. */
export const PLATFORM_ID_PATTERN = /^[A-Za-z0-9-]+$/;
export const platformIdSchema = z
  .string()
  .check(
    z.regex(PLATFORM_ID_PATTERN, { error: 'must be a platform id of letters, digits and "-"' }),
  );
export const KNOWN_PLATFORM_IDS = [
  'sms-messagebird',
  'email-messagebird',
  'whatsapp',
  'telegram',
  'facebook',
  'instagram',
  'line',
] as const;
export const knownPlatformIdSchema = z.enum(KNOWN_PLATFORM_IDS);
export type KnownPlatformId = z.infer<typeof knownPlatformIdSchema>;
export function isKnownPlatformId(value: string): value is KnownPlatformId {
  return (KNOWN_PLATFORM_IDS as readonly string[]).includes(value);
}

/** An absolute http(s) URL (media and upload URLs). */
export const httpUrlSchema = z.url({
  protocol: /^https?$/,
  error: formatError('must be an http(s) URL'),
});

/** A MIME type `type/subtype` (RFC 6838 token characters), parameters not included. */
export const MIME_TYPE_PATTERN =
  /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;
export const mimeTypeSchema = z
  .string()
  .check(z.regex(MIME_TYPE_PATTERN, { error: 'must be a MIME type like image/png' }));

/** Who a contact is to an email (§3 Send body, DOC): `to`, `cc` or `bcc`. */
export const CONTACT_TYPES = ['to', 'cc', 'bcc'] as const;
export const contactTypeSchema = z.enum(CONTACT_TYPES);
export type ContactType = z.infer<typeof contactTypeSchema>;
