import { z } from '../zod';
import { contactTypeSchema, listPage, timestampSchema, uuidSchema } from './common';
import { messageBodyResponseSchema } from './message-body';
import type { MessageBody } from './message-body';
import { templateResponseSchema } from './template';

/** §3 Message (E3, E5–E7, DOC): what the API answers for a sent or received message. */

export const MESSAGE_STATUSES = [
  'accepted',
  'scheduled',
  'processing',
  'sent',
  'delivered',
  'rejected',
  'sending_failed',
  'delivery_failed',
  'deleted',
  'skipped',
] as const;
export const messageStatusSchema = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** Statuses a message never leaves. */
export const FINAL_MESSAGE_STATUSES = [
  'delivered',
  'rejected',
  'sending_failed',
  'delivery_failed',
  'deleted',
  'skipped',
] as const satisfies readonly MessageStatus[];
export type FinalMessageStatus = (typeof FINAL_MESSAGE_STATUSES)[number];

export function isFinalStatus(status: MessageStatus): status is FinalMessageStatus {
  return (FINAL_MESSAGE_STATUSES as readonly MessageStatus[]).includes(status);
}

export function isMessageStatus(value: string): value is MessageStatus {
  return (MESSAGE_STATUSES as readonly string[]).includes(value);
}

export const MESSAGE_DIRECTIONS = ['incoming', 'outgoing'] as const;
export const messageDirectionSchema = z.enum(MESSAGE_DIRECTIONS);
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

/** §3 Failure codes named by the docs; families by the first two digits. */
export const FAILURE_CODES = {
  invalidChannelConfiguration: 11001,
  invalidInput: 11002,
  dependencyError: 12001,
  unsupportedType: 12002,
  unsupportedDestination: 12003,
  unknownSubscriber: 15005,
} as const;
export type FailureFamily = 'validation' | 'service' | 'customer' | 'platform' | 'unknown';
export function failureFamily(code: number): FailureFamily {
  switch (Math.floor(code / 1000)) {
    case 11:
      return 'validation';
    case 12:
      return 'service';
    case 14:
      return 'customer';
    case 15:
      return 'platform';
    default:
      return 'unknown';
  }
}

/** `source.name` is the platform id or a step: pre-processing, accounting, contact, touchpoint. */
export const failureSchema = z.object({
  code: z.int(),
  description: z.string(),
  source: z.object({ name: z.string(), code: z.optional(z.string()) }),
});
export type MessageFailure = z.infer<typeof failureSchema>;

const annotationsSchema = z.object({ name: z.optional(z.string()) });

/** Our channel's side of a message (sender of outgoing, receiver of incoming). */
export const connectorPartySchema = z.object({
  id: uuidSchema,
  identifierValue: z.string(),
  annotations: z.optional(annotationsSchema),
});

/** A contact as the API reports it. */
export const messageContactSchema = z.object({
  id: uuidSchema,
  identifierKey: z.string(),
  identifierValue: z.string(),
  type: z.optional(contactTypeSchema),
});
export type MessageContact = z.infer<typeof messageContactSchema>;

/** `meta` as read back: the send request's `meta`, leniently (DEC: extra values of any type). */
export const messageMetaSchema = z.object({
  email: z.optional(
    z.object({
      subject: z.optional(z.string()),
      headers: z.optional(z.record(z.string(), z.string())),
    }),
  ),
  extraInformation: z.optional(z.record(z.string(), z.unknown())),
});
export type MessageMeta = z.infer<typeof messageMetaSchema>;

/** `replyTo` as read back. */
export const messageReplyToSchema = z.object({
  id: uuidSchema,
  type: z.literal('message'),
  order: z.optional(z.int()),
});

const messageBaseShape = {
  id: uuidSchema,
  channelId: uuidSchema,
  status: messageStatusSchema,
  lastStatusAt: timestampSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Read leniently (schema-mode.ts): unknown properties dropped, send limits not applied. */
  body: z.optional(messageBodyResponseSchema),
  template: z.optional(templateResponseSchema),
  meta: z.optional(messageMetaSchema),
  /** `""` when the sender set none. */
  reference: z.string(),
  tags: z.array(z.string()),
  parts: z.optional(z.array(z.object({ platformReference: z.string() }))),
  /** `""` when none. */
  reason: z.string(),
  /** Short token such as `unknown_subscriber` or `bounceHard`; `""` when none. */
  details: z.string(),
  failure: z.optional(failureSchema),
  replyTo: z.optional(messageReplyToSchema),
  scheduledFor: z.optional(timestampSchema),
  /** DEC: present on messages of a batch send (E4). */
  batchId: z.optional(uuidSchema),
};

export const outgoingMessageSchema = z.object({
  ...messageBaseShape,
  direction: z.literal('outgoing'),
  sender: z.object({ connector: connectorPartySchema }),
  receiver: z.object({ contacts: z.array(messageContactSchema) }),
});
export type OutgoingMessage = z.infer<typeof outgoingMessageSchema>;

export const incomingMessageSchema = z.object({
  ...messageBaseShape,
  direction: z.literal('incoming'),
  sender: z.object({ contact: z.omit(messageContactSchema, { type: true }) }),
  receiver: z.object({ connector: connectorPartySchema }),
});
export type IncomingMessage = z.infer<typeof incomingMessageSchema>;

/** A message; `direction` tells which side is the contact. */
export const messageSchema = z.discriminatedUnion('direction', [
  outgoingMessageSchema,
  incomingMessageSchema,
]);
export type Message = z.infer<typeof messageSchema>;

/** E5/E6 answer: a page of messages. */
export const messageListSchema = listPage(messageSchema);
export type MessageList = z.infer<typeof messageListSchema>;

/**
 * §3 Email subject (DEC): `body.html.metadata.subject`, else `body.text.metadata.subject`,
 * else `meta.email.subject`. Works on a send request and on a message.
 */
export function subjectOf(message: {
  body?: MessageBody | undefined;
  meta?: { email?: { subject?: string | undefined } | undefined } | undefined;
}): string | undefined {
  const body = message.body;
  const fromBody =
    body?.type === 'html'
      ? body.html.metadata?.subject
      : body?.type === 'text'
        ? body.text.metadata?.subject
        : undefined;
  return fromBody ?? message.meta?.email?.subject;
}
