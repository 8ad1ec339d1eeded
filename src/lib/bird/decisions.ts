/**
 * Every "DEC" of the Bird Channels API contract (../../../../shared/bird-channels-api.md),
 * in one module. Where Bird's docs are silent, Perch decided; when a real Bird answer
 * disagrees, this is the one edit. Plain data only: no zod, no imports, so the sandbox,
 * the fetch layer and the UI can all read it.
 */

// §1 Conventions — error codes and their default messages (DEC; `InvalidPayload` is DOC).
export const ERROR_CODE_BY_STATUS = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'InvalidPayload',
  429: 'TooManyRequests',
} as const;
export type ErrorStatus = keyof typeof ERROR_CODE_BY_STATUS;
export type ErrorCode = (typeof ERROR_CODE_BY_STATUS)[ErrorStatus];
export const ERROR_CODES = Object.values(ERROR_CODE_BY_STATUS) as readonly ErrorCode[];

export const DEFAULT_ERROR_MESSAGE: Readonly<Record<ErrorCode, string>> = {
  BadRequest: 'The request could not be understood',
  Unauthorized: 'A valid access key is required',
  Forbidden: 'The access key does not allow this request',
  NotFound: 'The requested resource was not found',
  Conflict: 'The request conflicts with the current state of the resource',
  PayloadTooLarge: 'The request body is too large',
  UnsupportedMediaType: 'The request body must be JSON',
  InvalidPayload: 'One or more fields provided in the request body are malformed',
  TooManyRequests: 'Too many requests, retry later',
};

/** §3 PresignedUpload: the upload form's error for a file over the policy's size range. */
export const UPLOAD_TOO_LARGE_CODE = 'EntityTooLarge';

/** §1 Auth (DOC): `Authorization: AccessKey <key>`. */
export const AUTH_SCHEME = 'AccessKey';

// §1 Page size (DOC default 10 / DEC ranges). Over the range → 422.
export const MESSAGE_PAGE_SIZE = { min: 1, max: 100, default: 10 } as const;
export const CHANNEL_PAGE_SIZE = { min: 1, max: 1000, default: 10 } as const;
/** E8: the sandbox pages interactions like messages (DEC; Bird returns them all). */
export const INTERACTION_PAGE_SIZE = MESSAGE_PAGE_SIZE;

/** §1 Cursor: opaque, at most this long; malformed or foreign → 400 (DEC). */
export const PAGE_TOKEN_MAX_LENGTH = 8000;

/** §1 Order (DEC): newest first by `createdAt` then `id`; `reverse=true` gives oldest first. */
export const LIST_ORDER = {
  keys: ['createdAt', 'id'],
  defaultDirection: 'desc',
  reverseDirection: 'asc',
} as const;

// §2 Message list filters (E5, E6): the parameter names are DEC.
export const MESSAGE_LIST_PARAM = {
  limit: 'limit',
  pageToken: 'pageToken',
  reverse: 'reverse',
  platform: 'platform',
  startAt: 'startAt',
  endAt: 'endAt',
  from: 'from',
  to: 'to',
  tag: 'tag',
  subject: 'subject',
  batchId: 'batchId',
  status: 'status',
  direction: 'direction',
  channelId: 'channelId',
} as const;
export type MessageListParam = keyof typeof MESSAGE_LIST_PARAM;
export const MESSAGE_LIST_PARAM_NAMES = Object.values(MESSAGE_LIST_PARAM);
/** `status` may repeat (`?status=sent&status=delivered`); every other parameter is single. */
export const REPEATABLE_LIST_PARAMS: readonly MessageListParam[] = ['status'];
/** An empty query value (`?platform=`) means the parameter is absent (DEC). */
export const EMPTY_PARAM_IS_ABSENT = true;

/** E1 channel list parameters (DOC). */
export const CHANNEL_LIST_PARAM_NAMES = [
  'limit',
  'pageToken',
  'reverse',
  'platform',
  'status',
] as const;

/** §1 Rate limit per workspace (DOC); over → 429 with `Retry-After: <seconds>` (DEC). */
export const RATE_LIMIT_PER_SECOND = { GET: 50, POST: 500 } as const;
export const RETRY_AFTER_HEADER = 'Retry-After';

/** §3 Order of checks (DEC): auth, then body read, then channel, then schema. */
export const REQUEST_CHECK_ORDER = ['auth', 'body', 'channel', 'schema'] as const;
/** §3 Only a channel in this status accepts sends; any other → 409 (DEC). */
export const SENDABLE_CHANNEL_STATUS = 'active';

// §1 / §3 sizes.
export const MAX_JSON_BODY_BYTES = 1024 * 1024; // 1 MiB → 413 above (DEC)
export const MAX_UPLOAD_BYTES = 104_857_600; // 100 MiB, the policy's content-length-range (DOC)
export const PRESIGN_POLICY_EXPIRY_SECONDS = 60 * 60; // 1 h (DEC)

/** §3 Send body: `scheduledFor` at most 35 days ahead (DOC); exactly 35 days is allowed. */
export const MAX_SCHEDULE_AHEAD_DAYS = 35;
export const MAX_SCHEDULE_AHEAD_MS = MAX_SCHEDULE_AHEAD_DAYS * 24 * 60 * 60 * 1000;

/** §3 Send body tags (DOC): at most 10, each 1–50 of `[a-zA-Z0-9-_ ]`, stored lower-cased. */
export const TAG_RULES = {
  maxCount: 10,
  minLength: 1,
  maxLength: 50,
  pattern: /^[a-zA-Z0-9\-_ ]+$/,
  lowerCased: true,
} as const;

/** §3 Identifier rules (DEC): what each platform accepts as a recipient. */
export type IdentifierKind = 'phone' | 'email';
export interface IdentifierRule {
  identifierKey: string;
  kind: IdentifierKind;
  /** What a user reads when the value does not fit. */
  message: string;
}
const PHONE_RULE: IdentifierRule = {
  identifierKey: 'phonenumber',
  kind: 'phone',
  message: 'must be an E.164 phone number',
};
const EMAIL_RULE: IdentifierRule = {
  identifierKey: 'emailaddress',
  kind: 'email',
  message: 'must be an email address',
};
export const IDENTIFIER_RULES: Readonly<Record<string, IdentifierRule>> = {
  'sms-messagebird': PHONE_RULE,
  whatsapp: PHONE_RULE,
  'email-messagebird': EMAIL_RULE,
};
/** E.164: `+`, a non-zero country digit, 7 to 15 digits in all (same as zod's `e164`). */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
/** Contact `type` (to/cc/bcc) is an email thing (DOC); other platforms reject it (DEC). */
export const CONTACT_TYPE_PLATFORMS: readonly string[] = ['email-messagebird'];

/** §3 Per-platform media limits to warn about before upload (DEC, public platform limits). */
const MB = 1024 * 1024;
export const MEDIA_LIMITS = {
  mms: { totalBytes: 5 * MB, maxImages: 10 },
  whatsapp: {
    imageBytes: 5 * MB,
    audioBytes: 16 * MB,
    videoBytes: 16 * MB,
    documentBytes: 100 * MB,
  },
  email: { attachmentsTotalBytes: 10 * MB },
} as const;

/** E4 batch send (DEC field name): `{ messageRequests: [1..100 send bodies] }`. */
export const BATCH_FIELD = 'messageRequests';
export const BATCH_SIZE = { min: 1, max: 100 } as const;

/** §3 Interaction types each platform produces (DOC). Others produce none. */
export const INTERACTION_TYPES_BY_PLATFORM = {
  'email-messagebird': ['opened', 'clicked', 'reported-as-spam', 'unsubscribe-request'],
  whatsapp: ['read', 'clicked', 'reaction'],
  telegram: ['clicked', 'reaction'],
} as const;

/** §3 Email subject (DEC): the body's metadata subject first, then `meta.email.subject`. */
export const EMAIL_SUBJECT_SOURCES = [
  'body.html.metadata.subject',
  'body.text.metadata.subject',
  'meta.email.subject',
] as const;

// §5 Sandbox magic recipients (DEC), as data shared by the sandbox and the composer hints.
export type MagicOutcome =
  | 'delivered'
  | 'unknown-subscriber'
  | 'unsupported-destination'
  | 'no-delivery-report'
  | 'reply-text'
  | 'reply-image'
  | 'read-and-reaction'
  | 'bounce'
  | 'click'
  | 'spam';

export interface MagicRecipient {
  /** `phone-suffix`: the E.164 number ends with `match`; `email-local`: the part before `@` is `match` (case-insensitive). */
  kind: 'phone-suffix' | 'email-local';
  match: string;
  outcome: MagicOutcome;
  /** Final status the message reaches. */
  finalStatus: 'delivered' | 'delivery_failed' | 'sending_failed' | 'sent';
  /** `details` the message carries, if any. */
  details?: string;
  /** `failure.code`, if any. */
  failureCode?: number;
  /** Only on these platforms; elsewhere the recipient is simply delivered. */
  platforms?: readonly string[];
  /** One line for the composer's hint. */
  hint: string;
}

export const MAGIC_RECIPIENTS: readonly MagicRecipient[] = [
  {
    kind: 'phone-suffix',
    match: '9990',
    outcome: 'unknown-subscriber',
    finalStatus: 'delivery_failed',
    details: 'unknown_subscriber',
    failureCode: 15005,
    hint: 'fails delivery: unknown subscriber',
  },
  {
    kind: 'phone-suffix',
    match: '9991',
    outcome: 'unsupported-destination',
    finalStatus: 'sending_failed',
    failureCode: 12003,
    hint: 'fails sending: unsupported destination',
  },
  {
    kind: 'phone-suffix',
    match: '9992',
    outcome: 'no-delivery-report',
    finalStatus: 'sent',
    hint: 'stays sent (no delivery report)',
  },
  {
    kind: 'phone-suffix',
    match: '9993',
    outcome: 'reply-text',
    finalStatus: 'delivered',
    hint: 'delivered, then replies "Thanks!"',
  },
  {
    kind: 'phone-suffix',
    match: '9994',
    outcome: 'reply-image',
    finalStatus: 'delivered',
    hint: 'delivered, then replies with an image',
  },
  {
    kind: 'phone-suffix',
    match: '9995',
    outcome: 'read-and-reaction',
    finalStatus: 'delivered',
    platforms: ['whatsapp'],
    hint: 'WhatsApp: delivered, read, then a reaction',
  },
  {
    kind: 'email-local',
    match: 'bounce',
    outcome: 'bounce',
    finalStatus: 'delivery_failed',
    details: 'bounceHard',
    hint: 'bounces (hard)',
  },
  {
    kind: 'email-local',
    match: 'click',
    outcome: 'click',
    finalStatus: 'delivered',
    hint: 'delivered, opened, then a link clicked',
  },
  {
    kind: 'email-local',
    match: 'spam',
    outcome: 'spam',
    finalStatus: 'delivered',
    hint: 'delivered, then reported as spam',
  },
];

/**
 * The magic recipient an identifier matches on a platform, or `undefined` when it is an
 * ordinary recipient (delivered; email also opened). Phone numbers that match no row —
 * including endings 9000–9989 and 9996–9999 — are delivered (DEC: §5 is silent on them).
 */
export function findMagicRecipient(
  identifierValue: string,
  platformId?: string,
): MagicRecipient | undefined {
  const value = identifierValue.trim();
  const at = value.lastIndexOf('@');
  const local = at > 0 ? value.slice(0, at).toLowerCase() : undefined;
  return MAGIC_RECIPIENTS.find((row) => {
    if (row.platforms && (platformId === undefined || !row.platforms.includes(platformId))) {
      return false;
    }
    return row.kind === 'email-local'
      ? local === row.match
      : local === undefined && value.endsWith(row.match);
  });
}

/** The outcome a recipient forces; `delivered` for ordinary recipients. */
export function magicOutcomeFor(identifierValue: string, platformId?: string): MagicOutcome {
  return findMagicRecipient(identifierValue, platformId)?.outcome ?? 'delivered';
}
