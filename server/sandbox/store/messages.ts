import type { Database } from '../db/open-database';
import { createMessageList } from './message-list';
import {
  fromRow,
  MESSAGE_COLUMNS,
  MESSAGE_COLUMNS_BARE,
  prepareMessage,
  type MessageInsertParams,
  type MessageRow,
  type PreparedMessage,
} from './message-row';
import { FINAL_MESSAGE_STATUSES } from '../../../src/lib/bird/message';
import type { MessageStatusUpdate, MessageStore } from './types';

/** `messages.seq` is `created_at * SEQ_PER_MS + n`: rowid order is creation order. */
export const SEQ_PER_MS = 1_048_576;

/**
 * The first free rowid in the message's millisecond, computed in SQL (64-bit integers:
 * the values are beyond JavaScript's safe range, so they never pass through a number).
 * `max(seq) WHERE seq < next millisecond` is a single seek from the end of the range.
 */
export const NEXT_SEQ_SQL = `max(
  coalesce((SELECT max(seq) FROM messages WHERE seq < (@createdAt + 1) * ${SEQ_PER_MS}), 0) + 1,
  @createdAt * ${SEQ_PER_MS})`;

const UPDATE_STATUS_SQL = `UPDATE messages SET
  status = @status,
  last_status_at = @at,
  updated_at = @at,
  reason = coalesce(@reason, reason),
  details = coalesce(@details, details),
  failure = CASE WHEN @keepFailure THEN failure ELSE @failure END,
  doc = CASE WHEN @parts IS NULL THEN doc ELSE json_set(doc, '$.parts', json(@parts)) END`;

const updateParams = (id: string, change: MessageStatusUpdate): UpdateParams => ({
  id,
  status: change.status,
  at: change.at,
  reason: change.reason ?? null,
  details: change.details ?? null,
  keepFailure: change.failure === undefined ? 1 : 0,
  failure: change.failure ? JSON.stringify(change.failure) : null,
  parts: change.parts ? JSON.stringify(change.parts) : null,
});

interface UpdateParams {
  id: string;
  status: string;
  at: number;
  reason: string | null;
  details: string | null;
  keepFailure: 0 | 1;
  failure: string | null;
  parts: string | null;
}

/** Messages (E3, E5–E7): insert with receivers, tags and subject; read; status changes. */
export function createMessageStore(db: Database): MessageStore {
  // `run().lastInsertRowid` is a BigInt with safe integers on (cheaper than RETURNING).
  const insertMessage = db
    .prepare<MessageInsertParams>(
      `INSERT INTO messages (seq, id, channel_id, platform_id, direction, status, created_at,
         updated_at, last_status_at, sender, reference, batch_id, scheduled_for, subject,
         reason, details, failure, doc)
       VALUES (${NEXT_SEQ_SQL}, @id, @channelId,
         (SELECT platform_id FROM channels WHERE id = @channelId), @direction, @status,
         @createdAt, @updatedAt, @lastStatusAt, @sender, @reference, @batchId, @scheduledFor,
         @subject, @reason, @details, @failure, @doc)`,
    )
    .safeIntegers(true);
  const insertReceiver = db.prepare<{
    identifier: string;
    createdAt: number;
    id: string;
    seq: bigint;
  }>(
    `INSERT OR IGNORE INTO message_receivers (identifier, created_at, message_id, message_seq)
     VALUES (@identifier, @createdAt, @id, @seq)`,
  );
  const insertTag = db.prepare<{ tag: string; createdAt: number; id: string; seq: bigint }>(
    `INSERT OR IGNORE INTO message_tags (tag, created_at, message_id, message_seq)
     VALUES (@tag, @createdAt, @id, @seq)`,
  );
  const insertSubject = db.prepare<{ seq: bigint; subject: string }>(
    'INSERT INTO message_subjects (rowid, subject) VALUES (@seq, @subject)',
  );
  const getInChannel = db.prepare<{ channelId: string; id: string }, MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = @id AND m.channel_id = @channelId`,
  );
  const getById = db.prepare<[string], MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = ?`,
  );
  const byReference = db.prepare<
    { channelId: string; reference: string; limit: number },
    MessageRow
  >(
    `SELECT ${MESSAGE_COLUMNS} FROM messages m
     WHERE m.channel_id = @channelId AND m.reference = @reference AND m.reference <> ''
     ORDER BY m.created_at DESC, m.id DESC LIMIT @limit`,
  );
  const update = db.prepare<UpdateParams, MessageRow>(
    `${UPDATE_STATUS_SQL} WHERE id = @id RETURNING ${MESSAGE_COLUMNS_BARE}`,
  );
  // The statuses are constants of the contract, quoted here, not input.
  const finalStatuses = FINAL_MESSAGE_STATUSES.map((status) => `'${status}'`).join(', ');
  const advance = db.prepare<UpdateParams>(
    `${UPDATE_STATUS_SQL}
     WHERE id = @id AND direction = 'outgoing' AND status NOT IN (${finalStatuses})`,
  );
  const count = db.prepare<[], number>('SELECT count(*) FROM messages').pluck();

  const insertOne = ({ params, receivers, tags }: PreparedMessage): void => {
    const seq = BigInt(insertMessage.run(params).lastInsertRowid);
    if (seq / BigInt(SEQ_PER_MS) !== BigInt(params.createdAt)) {
      throw new RangeError(`more than ${SEQ_PER_MS} messages created in one millisecond`);
    }
    const key = { createdAt: params.createdAt, id: params.id, seq };
    for (const identifier of receivers) insertReceiver.run({ ...key, identifier });
    for (const tag of tags) insertTag.run({ ...key, tag });
    if (params.subject !== null) insertSubject.run({ seq, subject: params.subject });
  };
  const insertAll = db.transaction((prepared: readonly PreparedMessage[]) => {
    for (const message of prepared) insertOne(message);
  });
  // Inside a caller's transaction, insert directly: a nested better-sqlite3 transaction is
  // a SAVEPOINT, whose sub-journal copies every page it touches (10× slower for bulk
  // inserts). An error still rolls everything back when it leaves the caller's transaction.
  const store = (prepared: readonly PreparedMessage[]): void => {
    if (db.inTransaction) for (const message of prepared) insertOne(message);
    else insertAll(prepared);
  };

  const list = createMessageList(db);

  return {
    insert(message) {
      store([prepareMessage(message)]);
    },
    insertMany(messages) {
      store(messages.map(prepareMessage));
    },
    insertPrepared(prepared) {
      store(prepared);
    },
    get(channelId, id) {
      const row = getInChannel.get({ channelId, id });
      return row ? fromRow(row) : undefined;
    },
    getById(id) {
      const row = getById.get(id);
      return row ? fromRow(row) : undefined;
    },
    findByReference(channelId, reference, limit = 100) {
      if (reference === '') return [];
      return byReference.all({ channelId, reference, limit }).map(fromRow);
    },
    updateStatus(id, change) {
      const row = update.get(updateParams(id, change));
      return row ? fromRow(row) : undefined;
    },
    advanceStatus(id, change) {
      return advance.run(updateParams(id, change)).changes > 0;
    },
    list,
    count() {
      return count.get() ?? 0;
    },
  };
}
