import { z } from '../zod';
import { contactTypeSchema, parseRfc3339, rfc3339ToTimestampSchema, uuidSchema } from './common';
import type { ValidationDetails } from './common';
import {
  BATCH_SIZE,
  CONTACT_TYPE_PLATFORMS,
  E164_PATTERN,
  IDENTIFIER_RULES,
  MAX_SCHEDULE_AHEAD_DAYS,
  MAX_SCHEDULE_AHEAD_MS,
} from './decisions';
import type { IdentifierRule } from './decisions';
import { messageBodySchema } from './message-body';
import { tagsSchema } from './tag';
import { templateSchema } from './template';
import { addDetail, formatDetailsPath, mergeDetails, parseWithDetails } from './validation-details';
import type { DetailsResult } from './validation-details';

/** §3 Send body (E3, DOC). Strict everywhere: an unknown property anywhere is a 422. */

const nonEmpty = z.string().check(z.minLength(1));

export const contactIdentifierSchema = z.strictObject({
  identifierKey: nonEmpty,
  identifierValue: nonEmpty,
});

export const sendContactSchema = z
  .strictObject({
    identifierKey: z.optional(nonEmpty),
    identifierValue: z.optional(nonEmpty),
    id: z.optional(uuidSchema),
    /** Email only (checked per platform by {@link validateSendBody}). */
    type: z.optional(contactTypeSchema),
    identifiers: z.optional(z.array(contactIdentifierSchema)),
    platformAddress: z.optional(nonEmpty),
    platformAddressSelector: z.optional(nonEmpty),
  })
  .check(
    z.refine(
      (c) =>
        c.identifierValue !== undefined ||
        c.id !== undefined ||
        (c.identifiers !== undefined && c.identifiers.length > 0) ||
        c.platformAddress !== undefined,
      { error: 'must have an identifierValue, id, identifiers or platformAddress' },
    ),
  );
export type SendContact = z.infer<typeof sendContactSchema>;

export const sendReceiverSchema = z.strictObject({
  contacts: z.array(sendContactSchema).check(z.minLength(1)),
});

export const sendSenderSchema = z.strictObject({
  connector: z.strictObject({
    identifierValue: nonEmpty,
    annotations: z.optional(z.strictObject({ name: z.string() })),
  }),
});

export const replyToSchema = z.strictObject({
  id: uuidSchema,
  type: z.literal('message'),
  order: z.optional(z.int().check(z.gte(0))),
});
export type ReplyTo = z.infer<typeof replyToSchema>;

export const sendMetaSchema = z.strictObject({
  email: z.optional(
    z.strictObject({
      subject: z.optional(z.string()),
      headers: z.optional(z.record(z.string(), z.string())),
    }),
  ),
  extraInformation: z.optional(z.record(z.string(), z.string())),
});
export type SendMeta = z.infer<typeof sendMetaSchema>;

export const shortLinksSchema = z.strictObject({ domain: nonEmpty });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const BODY_XOR_TEMPLATE_MESSAGE = 'must have exactly one of body or template';

/**
 * The send request without the rules that need context (platform, clock); use
 * {@link validateSendBody} to validate a request as the API does.
 */
export const sendMessageRequestSchema = z
  .strictObject({
    receiver: sendReceiverSchema,
    body: z.optional(messageBodySchema),
    template: z.optional(templateSchema),
    sender: z.optional(sendSenderSchema),
    reference: z.optional(z.string()),
    tags: z.optional(tagsSchema),
    /** RFC 3339 in, normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`. */
    scheduledFor: z.optional(rfc3339ToTimestampSchema),
    /** Seconds the message stays worth delivering (DEC: whole seconds). */
    validity: z.optional(z.int().check(z.gte(0))),
    replyTo: z.optional(replyToSchema),
    meta: z.optional(sendMetaSchema),
    shortLinks: z.optional(shortLinksSchema),
  })
  .check(
    z.refine(
      (request: unknown) =>
        !isRecord(request) || (request.body === undefined) !== (request.template === undefined),
      // Runs even when other fields fail, so every problem is reported at once.
      { error: BODY_XOR_TEMPLATE_MESSAGE, when: () => true },
    ),
  );
/** A valid send request as the API holds it (tags lower-cased, `scheduledFor` in UTC). */
export type SendMessageRequest = z.output<typeof sendMessageRequestSchema>;
/** What a client may send (tags in any case, `scheduledFor` with any offset). */
export type SendMessageRequestInput = z.input<typeof sendMessageRequestSchema>;

export interface SendBodyContext {
  /** The channel's platform id, e.g. `sms-messagebird`. */
  platformId: string;
  /** Epoch milliseconds, from the injected clock. */
  now: number;
}

const emailSchema = z.email();

function fitsRule(rule: IdentifierRule, value: string): boolean {
  return rule.kind === 'phone' ? E164_PATTERN.test(value) : emailSchema.safeParse(value).success;
}

/**
 * What is wrong with a recipient identifier on a platform (§3 identifier rules), or
 * `undefined` when it fits or the platform has no rule. For composers and sandbox controls.
 */
export function identifierProblem(platformId: string, identifierValue: string): string | undefined {
  const rule = IDENTIFIER_RULES[platformId];
  return rule && !fitsRule(rule, identifierValue) ? rule.message : undefined;
}

/** The rules that depend on the channel's platform and the clock, checked on the raw input. */
function contextDetails(input: unknown, ctx: SendBodyContext): ValidationDetails {
  const details: ValidationDetails = {};
  if (!isRecord(input)) return details;

  if (typeof input.scheduledFor === 'string') {
    const at = parseRfc3339(input.scheduledFor);
    if (at !== undefined && at - ctx.now > MAX_SCHEDULE_AHEAD_MS) {
      addDetail(
        details,
        '.scheduledFor',
        `must be at most ${String(MAX_SCHEDULE_AHEAD_DAYS)} days in the future`,
      );
    }
  }

  const contacts = isRecord(input.receiver) ? input.receiver.contacts : undefined;
  if (!Array.isArray(contacts)) return details;
  const rule = IDENTIFIER_RULES[ctx.platformId];
  const typeAllowed = CONTACT_TYPE_PLATFORMS.includes(ctx.platformId);
  contacts.forEach((contact: unknown, i) => {
    if (!isRecord(contact)) return;
    const at = (...rest: (string | number)[]) =>
      formatDetailsPath(['receiver', 'contacts', i, ...rest]);
    if (contact.type !== undefined && !typeAllowed) {
      addDetail(details, at('type'), 'is only supported on email channels');
    }
    if (!rule) return;
    const { identifierKey, identifierValue, identifiers } = contact;
    if (typeof identifierKey === 'string' && identifierKey !== rule.identifierKey) {
      addDetail(details, at('identifierKey'), `must be "${rule.identifierKey}" on this channel`);
    }
    if (typeof identifierValue === 'string' && identifierValue !== '') {
      if (!fitsRule(rule, identifierValue)) addDetail(details, at('identifierValue'), rule.message);
    }
    if (Array.isArray(identifiers)) {
      identifiers.forEach((identifier: unknown, j) => {
        if (!isRecord(identifier) || identifier.identifierKey !== rule.identifierKey) return;
        const value = identifier.identifierValue;
        if (typeof value === 'string' && value !== '' && !fitsRule(rule, value)) {
          addDetail(details, at('identifiers', j, 'identifierValue'), rule.message);
        }
      });
    }
  });
  return details;
}

/**
 * Validates a send body as the API does (E3, and each item of E4): the schema, plus the
 * platform's identifier rules and the 35-day scheduling horizon. Every problem is reported
 * at its JSON path.
 */
export function validateSendBody(
  input: unknown,
  ctx: SendBodyContext,
): DetailsResult<SendMessageRequest> {
  const parsed = parseWithDetails(sendMessageRequestSchema, input);
  const extra = contextDetails(input, ctx);
  const details = parsed.ok ? extra : mergeDetails(parsed.details, extra);
  if (parsed.ok && Object.keys(details).length === 0) return parsed;
  return { ok: false, details };
}

/**
 * E4 envelope (DEC field name): `{ messageRequests: [1..100 objects] }`. The sandbox checks
 * this first (422 when it fails), then validates each item with {@link validateSendBody};
 * invalid items become `rejected` messages.
 */
export const batchEnvelopeSchema = z.strictObject({
  messageRequests: z
    .array(z.record(z.string(), z.unknown()))
    .check(z.minLength(BATCH_SIZE.min), z.maxLength(BATCH_SIZE.max)),
});
export type BatchEnvelope = z.output<typeof batchEnvelopeSchema>;

export function validateBatchEnvelope(input: unknown): DetailsResult<BatchEnvelope> {
  return parseWithDetails(batchEnvelopeSchema, input);
}

/** E4 request with every item valid: the type a client builds. */
export const batchSendRequestSchema = z.strictObject({
  messageRequests: z
    .array(sendMessageRequestSchema)
    .check(z.minLength(BATCH_SIZE.min), z.maxLength(BATCH_SIZE.max)),
});
export type BatchSendRequest = z.output<typeof batchSendRequestSchema>;
export type BatchSendRequestInput = z.input<typeof batchSendRequestSchema>;

/** E4 answer (202). */
export const batchSendResponseSchema = z.object({ batchId: uuidSchema });
export type BatchSendResponse = z.infer<typeof batchSendResponseSchema>;
