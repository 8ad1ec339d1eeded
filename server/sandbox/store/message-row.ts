import type { Message, MessageFailure } from '../../../src/lib/bird/message';
import { subjectOf } from '../../../src/lib/bird/message';

/**
 * How a Message maps onto the `messages` row: the fields lists filter on or that change
 * over a message's life get columns; the rest (sender, receiver, body, template, meta,
 * tags, parts, replyTo) is the `doc` JSON.
 */

const COLUMNS = [
  'id',
  'channel_id',
  'direction',
  'status',
  'created_at',
  'updated_at',
  'last_status_at',
  'reference',
  'batch_id',
  'scheduled_for',
  'reason',
  'details',
  'failure',
  'doc',
] as const;

/** The columns every message read selects, qualified by the alias `m`. */
export const MESSAGE_COLUMNS = COLUMNS.map((column) => `m.${column}`).join(', ');
/** The same, unqualified (for `RETURNING`, which takes no alias). */
export const MESSAGE_COLUMNS_BARE = COLUMNS.join(', ');

export interface MessageRow {
  id: string;
  channel_id: string;
  direction: Message['direction'];
  status: Message['status'];
  created_at: number;
  updated_at: number;
  last_status_at: number;
  reference: string;
  batch_id: string | null;
  scheduled_for: number | null;
  reason: string;
  details: string;
  failure: string | null;
  doc: string;
}

/** Named parameters of the insert statement. */
export interface MessageInsertParams {
  id: string;
  channelId: string;
  direction: Message['direction'];
  status: Message['status'];
  createdAt: number;
  updatedAt: number;
  lastStatusAt: number;
  sender: string;
  reference: string;
  batchId: string | null;
  scheduledFor: number | null;
  subject: string | null;
  reason: string;
  details: string;
  failure: string | null;
  doc: string;
}

type MessageDoc = Pick<Message, 'sender' | 'receiver' | 'tags'> &
  Partial<Pick<Message, 'body' | 'template' | 'meta' | 'parts' | 'replyTo'>>;

const ms = (timestamp: string): number => Date.parse(timestamp);
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** The sender's identifier: the contact of an incoming message, our connector otherwise. */
export function senderIdentifier(message: Message): string {
  return message.direction === 'incoming'
    ? message.sender.contact.identifierValue
    : message.sender.connector.identifierValue;
}

/** Every receiver identifier, once each (the `to` filter matches any of them). */
export function receiverIdentifiers(message: Message): string[] {
  const values =
    message.direction === 'incoming'
      ? [message.receiver.connector.identifierValue]
      : message.receiver.contacts.map((contact) => contact.identifierValue);
  return [...new Set(values)];
}

/** The email subject the `subject` filter searches, when there is a non-blank one. */
export function messageSubject(message: Message): string | null {
  const subject = subjectOf(message);
  return subject !== undefined && subject.trim() !== '' ? subject : null;
}

export function toInsertParams(message: Message): MessageInsertParams {
  const doc: MessageDoc = {
    sender: message.sender,
    receiver: message.receiver,
    tags: message.tags,
    body: message.body,
    template: message.template,
    meta: message.meta,
    parts: message.parts,
    replyTo: message.replyTo,
  };
  return {
    id: message.id,
    channelId: message.channelId,
    direction: message.direction,
    status: message.status,
    createdAt: ms(message.createdAt),
    updatedAt: ms(message.updatedAt),
    lastStatusAt: ms(message.lastStatusAt),
    sender: senderIdentifier(message),
    reference: message.reference,
    batchId: message.batchId ?? null,
    scheduledFor: message.scheduledFor === undefined ? null : ms(message.scheduledFor),
    subject: messageSubject(message),
    reason: message.reason,
    details: message.details,
    failure: message.failure === undefined ? null : JSON.stringify(message.failure),
    doc: JSON.stringify(doc),
  };
}

/**
 * A message turned into what its insert binds: the row, its receiver identifiers and its
 * tags. Plain JSON data, so it can be made in another thread (the bulk seed does).
 */
export interface PreparedMessage {
  params: MessageInsertParams;
  receivers: string[];
  tags: string[];
}

export function prepareMessage(message: Message): PreparedMessage {
  return {
    params: toInsertParams(message),
    receivers: receiverIdentifiers(message),
    tags: [...new Set(message.tags)],
  };
}

/** The API object of a row, keys in the order the API documents them. */
export function fromRow(row: MessageRow): Message {
  const doc = JSON.parse(row.doc) as MessageDoc;
  const message: Record<string, unknown> = {
    id: row.id,
    channelId: row.channel_id,
    direction: row.direction,
    status: row.status,
    lastStatusAt: iso(row.last_status_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    sender: doc.sender,
    receiver: doc.receiver,
    body: doc.body,
    template: doc.template,
    meta: doc.meta,
    reference: row.reference,
    tags: doc.tags,
    parts: doc.parts,
    reason: row.reason,
    details: row.details,
    failure: row.failure === null ? undefined : (JSON.parse(row.failure) as MessageFailure),
    replyTo: doc.replyTo,
    scheduledFor: row.scheduled_for === null ? undefined : iso(row.scheduled_for),
    batchId: row.batch_id ?? undefined,
  };
  return Object.fromEntries(
    Object.entries(message).filter(([, value]) => value !== undefined),
  ) as Message;
}
