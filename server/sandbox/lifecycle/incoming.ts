import { randomBytes, randomUUID } from 'node:crypto';
import type { Channel } from '../../../src/lib/bird/channel';
import { toTimestamp } from '../../../src/lib/bird/common';
import type { IncomingMessage, MessageContact } from '../../../src/lib/bird/message';
import type { MessageBody } from '../../../src/lib/bird/message-body';
import type { ReplyTo } from '../../../src/lib/bird/send-body';

/** A platform's reference for one part of a message (what a carrier or provider hands back). */
export function platformReference(): string {
  return randomBytes(12).toString('hex');
}

export interface IncomingMessageInput {
  id?: string;
  channel: Channel;
  from: Pick<MessageContact, 'id' | 'identifierKey' | 'identifierValue'>;
  body: MessageBody;
  /** Epoch ms: createdAt, updatedAt and lastStatusAt. */
  at: number;
  replyTo?: ReplyTo | undefined;
  /** The part's platform reference; a random one when absent (the seed passes its own). */
  partReference?: string;
}

/** An incoming message as the API reports it: always `delivered`, to the channel's connector. */
export function buildIncomingMessage(input: IncomingMessageInput): IncomingMessage {
  const time = toTimestamp(input.at);
  return {
    id: input.id ?? randomUUID(),
    channelId: input.channel.id,
    direction: 'incoming',
    status: 'delivered',
    lastStatusAt: time,
    createdAt: time,
    updatedAt: time,
    sender: {
      contact: {
        id: input.from.id,
        identifierKey: input.from.identifierKey,
        identifierValue: input.from.identifierValue,
      },
    },
    receiver: {
      connector: { id: input.channel.connectorId, identifierValue: input.channel.identifier },
    },
    body: input.body,
    reference: '',
    tags: [],
    parts: [{ platformReference: input.partReference ?? platformReference() }],
    reason: '',
    details: '',
    ...(input.replyTo === undefined ? {} : { replyTo: input.replyTo }),
  };
}
