import type { Channel, ChannelStatus } from '../../../src/lib/bird/channel';
import type { ListPage } from '../../../src/lib/bird/common';
import type { Interaction } from '../../../src/lib/bird/interaction';
import type { PreparedInteraction } from './interactions';
import type { PreparedMessage } from './message-row';
import type {
  Message,
  MessageDirection,
  MessageFailure,
  MessageStatus,
} from '../../../src/lib/bird/message';

/**
 * The sandbox store's API: what the HTTP routes and the lifecycle scheduler call. Every
 * function is synchronous (better-sqlite3); statements are prepared once per store.
 * Times going in and out of queries are epoch milliseconds; API objects carry RFC 3339
 * strings, exactly as the schemas in src/lib/bird describe them.
 */

/** A position in a list: the `(createdAt, id)` of the last row of the previous page. */
export interface PageCursor {
  /** Epoch milliseconds. */
  createdAt: number;
  id: string;
}

/** Keyset paging shared by every list. */
export interface PageQuery {
  /** Page size; the HTTP layer has already checked the range. */
  limit: number;
  /** Rows strictly after this cursor in the list's order (from `decodePageToken`). */
  after?: PageCursor | undefined;
  /** `true`: oldest first. Default newest first (`createdAt` desc, `id` desc). */
  reverse?: boolean | undefined;
}

/**
 * Message list filters (E5, E6), all optional, all ANDed. Values are taken as given: the
 * HTTP layer validates and normalises (e.g. tags lower-cased, times parsed to ms).
 */
export interface MessageFilters {
  /** E5's path channel, or E6's `channelId`. */
  channelId?: string | undefined;
  platform?: string | undefined;
  /** Inclusive lower bound on `createdAt`, epoch ms. */
  startAt?: number | undefined;
  /** Exclusive upper bound on `createdAt`, epoch ms. */
  endAt?: number | undefined;
  /** Exact sender identifier (phone, email, connector identifier). */
  from?: string | undefined;
  /** Exact match against any receiver identifier. */
  to?: string | undefined;
  /** One tag, exact. */
  tag?: string | undefined;
  /** Words of the email subject; each is a prefix, all must match. Blank = no filter. */
  subject?: string | undefined;
  batchId?: string | undefined;
  /** One or several statuses (OR). Empty = no filter. */
  status?: readonly MessageStatus[] | undefined;
  direction?: MessageDirection | undefined;
}

export type MessageListQuery = MessageFilters & PageQuery;

/**
 * A status change. `at` (epoch ms) becomes both `lastStatusAt` and `updatedAt`. Omitted
 * fields keep their value; `failure: null` removes the failure.
 */
export interface MessageStatusUpdate {
  status: MessageStatus;
  at: number;
  reason?: string | undefined;
  details?: string | undefined;
  failure?: MessageFailure | null | undefined;
  parts?: Message['parts'] | undefined;
}

export interface MessageStore {
  /**
   * Stores a complete Message with its receivers, tags and subject, atomically. Called
   * inside a caller's `db.transaction`, it joins that transaction (no savepoint): an error
   * rolls back when it propagates out of the caller's transaction function.
   */
  insert(message: Message): void;
  /** Several messages in one transaction (a batch send): all or none. Joins a caller's. */
  insertMany(messages: readonly Message[]): void;
  /** Like `insertMany`, for rows prepared elsewhere with `prepareMessage` (bulk loads). */
  insertPrepared(messages: readonly PreparedMessage[]): void;
  /** The message `id` of channel `channelId`, or `undefined`. */
  get(channelId: string, id: string): Message | undefined;
  /** The message `id` in any channel of the workspace. */
  getById(id: string): Message | undefined;
  /** Messages of a channel whose `reference` equals `reference` (non-empty), newest first. */
  findByReference(channelId: string, reference: string, limit?: number): Message[];
  /** Applies a status change; returns the updated message, `undefined` when there is none. */
  updateStatus(id: string, update: MessageStatusUpdate): Message | undefined;
  /**
   * The lifecycle's status step, in one statement: applies `update` to the outgoing message
   * `id` unless its status is already final; nothing is read back. Returns whether it did.
   */
  advanceStatus(id: string, update: MessageStatusUpdate): boolean;
  /** E5/E6: one page, newest first (or oldest with `reverse`), with `nextPageToken`. */
  list(query: MessageListQuery): ListPage<Message>;
  /** Number of stored messages. */
  count(): number;
}

/** A lifecycle step waiting for its time. What `kind` and `payload` mean is the scheduler's. */
export interface Transition {
  id: number;
  messageId: string;
  /** Epoch ms at which it becomes due. */
  dueAt: number;
  kind: string;
  payload: JsonValue;
}

export interface NewTransition {
  messageId: string;
  dueAt: number;
  kind: string;
  payload?: JsonValue | undefined;
}

export interface TransitionStore {
  /** Queues a step; returns its id. Call inside the caller's transaction to be atomic with it. */
  schedule(transition: NewTransition): number;
  /**
   * Applies every transition due at or before `now`, in `(dueAt, id)` order. Each step is
   * atomic with the deletion of its row, so a crash never loses or repeats a step; up to
   * 256 steps share a commit. Steps that `apply` schedules at or before `now` run in the
   * same call. A step that throws is rolled back and dropped, the steps before it are kept,
   * and the error is rethrown. Returns how many ran. `apply` must be synchronous and touch
   * nothing but the database: after a failure its batch is rolled back and applied again,
   * step by step, each in a savepoint.
   */
  applyDue(now: number, apply: (transition: Transition) => void, limit?: number): number;
  /** Removes and returns the due transitions (at or before `now`), oldest first. */
  takeDue(now: number, limit?: number): Transition[];
  /** The earliest `dueAt` waiting, for the scheduler's timer; `undefined` when idle. */
  nextDueAt(): number | undefined;
  /** Drops a message's pending transitions; returns how many. */
  cancelForMessage(messageId: string): number;
  /** Pending transitions of a message, in due order (for tests and control routes). */
  pendingForMessage(messageId: string): Transition[];
}

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ChannelListQuery extends PageQuery {
  platform?: string | undefined;
  status?: ChannelStatus | undefined;
}

export interface ChannelStore {
  /** Adds a channel (fails on a duplicate id). */
  insert(channel: Channel): void;
  get(id: string): Channel | undefined;
  /** E1: one page, newest first (or oldest with `reverse`). */
  list(query: ChannelListQuery): ListPage<Channel>;
}

export interface InteractionStore {
  /** Adds an interaction of an existing message. */
  insert(interaction: Interaction): void;
  /** Adds interactions prepared with `prepareInteraction` (bulk loads; joins a transaction). */
  insertPrepared(interactions: readonly PreparedInteraction[]): void;
  /** E8: a message's interactions, newest first (or oldest with `reverse`). */
  listByMessage(messageId: string, page: PageQuery): ListPage<Interaction>;
}

export type { PreparedInteraction, PreparedMessage };

/** Every store of one database, prepared once. */
export interface SandboxStore {
  channels: ChannelStore;
  messages: MessageStore;
  interactions: InteractionStore;
  transitions: TransitionStore;
}
