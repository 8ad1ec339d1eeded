import { randomUUID } from 'node:crypto';
import type { Channel } from '../../../src/lib/bird/channel';
import { toTimestamp, type ValidationDetails } from '../../../src/lib/bird/common';
import { TAG_RULES } from '../../../src/lib/bird/decisions';
import { FAILURE_CODES, type OutgoingMessage } from '../../../src/lib/bird/message';
import { messageBodySchema } from '../../../src/lib/bird/message-body';
import {
  replyToSchema,
  sendContactSchema,
  sendMetaSchema,
  type SendMessageRequest,
} from '../../../src/lib/bird/send-body';
import { tagSchema } from '../../../src/lib/bird/tag';
import { templateSchema } from '../../../src/lib/bird/template';
import { resolveContact } from './contacts';
import { platformReference } from './incoming';
import { partCount } from './parts';

export interface OutgoingContext {
  workspaceId: string;
  channel: Channel;
  /** Epoch ms from the sandbox clock. */
  now: number;
  batchId?: string | undefined;
}

function connectorOf(
  channel: Channel,
  sender: SendMessageRequest['sender'],
): OutgoingMessage['sender'] {
  const annotations = sender?.connector.annotations;
  return {
    connector: {
      id: channel.connectorId,
      identifierValue: sender?.connector.identifierValue ?? channel.identifier,
      ...(annotations === undefined ? {} : { annotations }),
    },
  };
}

/**
 * The Message a valid send request (E3, or a valid E4 item) becomes: `accepted`, or
 * `scheduled` when `scheduledFor` is set; sent by the channel's connector; every contact with
 * an id and identifier key; `reference` `""` by default; tags lower-cased (by the schema);
 * its parts counted; `reason` and `details` empty; all times from the clock.
 */
export function buildOutgoingMessage(
  request: SendMessageRequest,
  context: OutgoingContext,
): OutgoingMessage {
  const { channel } = context;
  const time = toTimestamp(context.now);
  const content =
    request.body === undefined ? { template: request.template } : { body: request.body };
  return {
    id: randomUUID(),
    channelId: channel.id,
    direction: 'outgoing',
    status: request.scheduledFor === undefined ? 'accepted' : 'scheduled',
    lastStatusAt: time,
    createdAt: time,
    updatedAt: time,
    sender: connectorOf(channel, request.sender),
    receiver: {
      contacts: request.receiver.contacts.map((contact) =>
        resolveContact(context.workspaceId, channel.platformId, contact),
      ),
    },
    ...content,
    ...(request.meta === undefined ? {} : { meta: request.meta }),
    reference: request.reference ?? '',
    tags: request.tags ?? [],
    parts: Array.from({ length: partCount(channel.platformId, request.body) }, () => ({
      platformReference: platformReference(),
    })),
    reason: '',
    details: '',
    ...(request.replyTo === undefined ? {} : { replyTo: request.replyTo }),
    ...(request.scheduledFor === undefined ? {} : { scheduledFor: request.scheduledFor }),
    ...(context.batchId === undefined ? {} : { batchId: context.batchId }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The part of `value[key]` that `schema` accepts, or `undefined`. */
function salvage<T>(
  value: Record<string, unknown>,
  key: string,
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
): T | undefined {
  const parsed = schema.safeParse(value[key]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * An invalid batch item (E4) as a `rejected` message: failure 11002 (invalid input, from
 * pre-processing), the validation `details` as JSON in `details`, and whatever parts of the
 * request were valid (contacts, body or template, reference, tags, meta), so it can be found.
 */
export function buildRejectedMessage(
  item: unknown,
  details: ValidationDetails,
  context: OutgoingContext,
): OutgoingMessage {
  const { channel } = context;
  const input = isRecord(item) ? item : {};
  const receiver = isRecord(input.receiver) ? input.receiver : {};
  const contacts = Array.isArray(receiver.contacts) ? (receiver.contacts as unknown[]) : [];
  const time = toTimestamp(context.now);
  const body = salvage(input, 'body', messageBodySchema);
  const template = body === undefined ? salvage(input, 'template', templateSchema) : undefined;
  const meta = salvage(input, 'meta', sendMetaSchema);
  const replyTo = salvage(input, 'replyTo', replyToSchema);
  const reference = typeof input.reference === 'string' ? input.reference : '';
  const tags = Array.isArray(input.tags)
    ? input.tags.flatMap((tag: unknown) => {
        const parsed = tagSchema.safeParse(tag);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  return {
    id: randomUUID(),
    channelId: channel.id,
    direction: 'outgoing',
    status: 'rejected',
    lastStatusAt: time,
    createdAt: time,
    updatedAt: time,
    sender: connectorOf(channel, undefined),
    receiver: {
      contacts: contacts.flatMap((contact) => {
        const parsed = sendContactSchema.safeParse(contact);
        return parsed.success
          ? [resolveContact(context.workspaceId, channel.platformId, parsed.data)]
          : [];
      }),
    },
    ...(body === undefined ? {} : { body }),
    ...(template === undefined ? {} : { template }),
    ...(meta === undefined ? {} : { meta }),
    reference,
    tags: [...new Set(tags)].slice(0, TAG_RULES.maxCount),
    parts: [],
    reason: 'One or more fields provided in the request body are malformed',
    details: JSON.stringify(details),
    failure: {
      code: FAILURE_CODES.invalidInput,
      description: 'Invalid input',
      source: { name: 'pre-processing' },
    },
    ...(replyTo === undefined ? {} : { replyTo }),
    ...(context.batchId === undefined ? {} : { batchId: context.batchId }),
  };
}
