import type { ListPage } from '../../../src/lib/bird/common';
import type { Message, MessageStatus } from '../../../src/lib/bird/message';
import type { Database } from '../db/open-database';
import { keysetSql, statementCache, toPage } from './keyset';
import { fromRow, MESSAGE_COLUMNS, type MessageRow } from './message-row';
import { subjectMatchQuery } from './subject-match';
import type { MessageListQuery, PageCursor } from './types';

/**
 * The message list (E5, E6). The SQL is assembled only from the fixed fragments below,
 * chosen by which filters are present (the query's *shape*); each shape is prepared once
 * and cached, and every value is bound.
 *
 * The table that drives the scan, and whose `(created_at, id)` orders it, is the most
 * selective structure a filter offers: `to` → `message_receivers`, else `tag` →
 * `message_tags`, else `subject` → the FTS index, else `messages` itself (where SQLite
 * picks among the `(x, created_at, id)` indexes).
 *
 * The keyset cursor and the time window's bound on the same side are merged into one
 * row-value bound (`createdAt < endAt` is `(createdAt, id) < (endAt, '')`), so SQLite
 * seeks straight to the page however deep it is. Several statuses run as one query per
 * status, merged here: each walks its own `(status, created_at, id)` range in order.
 *
 * The subject path walks FTS matches in rowid order — which is creation order, see
 * migration 1 — and stops once it holds a page plus every row of the last millisecond it
 * touched; those are then sorted by `(createdAt, id)` in JavaScript, so ties come out
 * exactly as on every other path.
 */

type Driver = 'messages' | 'receivers' | 'tags' | 'subjects';

interface Shape {
  driver: Driver;
  channel: boolean;
  platform: boolean;
  from: boolean;
  to: boolean;
  tag: boolean;
  subject: boolean;
  batch: boolean;
  status: boolean;
  direction: boolean;
  /** A leading bound: rows strictly after `(@afterCreatedAt, @afterId)` in list order. */
  after: boolean;
  /** A trailing bound `@trail`: `startAt` (newest first) or `endAt` (oldest first). */
  trailing: boolean;
  reverse: boolean;
}

/** One status at most: several run as one query each (see {@link createMessageList}). */
type SingleStatusQuery = Omit<MessageListQuery, 'status'> & { status?: MessageStatus };

type Params = Record<string, string | number>;

const SEQ_PER_MS = 1_048_576;

function sourceOf(driver: Driver): { from: string; key: string; id: string } {
  switch (driver) {
    case 'receivers':
      return {
        from: 'message_receivers k JOIN messages m ON m.seq = k.message_seq',
        key: 'k',
        id: 'message_id',
      };
    case 'tags':
      return {
        from: 'message_tags k JOIN messages m ON m.seq = k.message_seq',
        key: 'k',
        id: 'message_id',
      };
    case 'subjects':
      return {
        from: 'message_subjects JOIN messages m ON m.seq = message_subjects.rowid',
        key: 'm',
        id: 'id',
      };
    case 'messages':
      return { from: 'messages m', key: 'm', id: 'id' };
  }
}

function buildSql(shape: Shape): string {
  const source = sourceOf(shape.driver);
  const keyset = keysetSql(source.key, source.id, shape.reverse);
  const fts = shape.driver === 'subjects';
  const where: string[] = [];
  const add = (present: boolean, fragment: string): void => {
    if (present) where.push(fragment);
  };
  add(shape.driver === 'receivers', 'k.identifier = @to');
  add(shape.driver === 'tags', 'k.tag = @tag');
  add(fts, 'message_subjects MATCH @match');
  add(shape.channel, 'm.channel_id = @channelId');
  add(shape.platform, 'm.platform_id = @platform');
  add(shape.from, 'm.sender = @from');
  add(
    shape.to && shape.driver !== 'receivers',
    `EXISTS (SELECT 1 FROM message_receivers r
       WHERE r.identifier = @to AND r.created_at = m.created_at AND r.message_id = m.id)`,
  );
  add(
    shape.tag && shape.driver !== 'tags',
    `EXISTS (SELECT 1 FROM message_tags t
       WHERE t.tag = @tag AND t.created_at = m.created_at AND t.message_id = m.id)`,
  );
  add(
    shape.subject && !fts,
    'm.seq IN (SELECT rowid FROM message_subjects WHERE message_subjects MATCH @match)',
  );
  add(shape.batch, 'm.batch_id = @batchId');
  add(shape.status, 'm.status = @status');
  add(shape.direction, 'm.direction = @direction');
  add(shape.after, keyset.after);
  if (fts) {
    // Rowids are creation-ordered (created_at * SEQ_PER_MS + n): whole-millisecond bounds
    // let FTS5 skip to the page; the exact `(created_at, id)` test above decides ties.
    const [lead, trail] = shape.reverse ? ['>=', '<'] : ['<', '>='];
    add(shape.after, `message_subjects.rowid ${lead} @leadMs * ${SEQ_PER_MS}`);
    add(shape.trailing, `message_subjects.rowid ${trail} @trail * ${SEQ_PER_MS}`);
  } else {
    add(shape.trailing, `${source.key}.created_at ${shape.reverse ? '<' : '>='} @trail`);
  }
  const order = fts
    ? `ORDER BY message_subjects.rowid ${shape.reverse ? 'ASC' : 'DESC'}`
    : `${keyset.orderBy} LIMIT @limit`;
  return `SELECT ${MESSAGE_COLUMNS} FROM ${source.from}
    ${where.length > 0 ? `WHERE ${where.join('\n      AND ')}` : ''}
    ${order}`;
}

const compareKeys = (a: PageCursor, b: PageCursor): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The leading bound: the cursor, or the window's edge on that side as a cursor that no
 * row equals (`''` sorts before every id), whichever is tighter.
 */
function leadingBound(query: SingleStatusQuery): PageCursor | undefined {
  const reverse = query.reverse === true;
  const edge = reverse ? query.startAt : query.endAt;
  const fromWindow = edge === undefined ? undefined : { createdAt: edge, id: '' };
  if (query.after === undefined) return fromWindow;
  if (fromWindow === undefined) return query.after;
  const windowIsTighter = compareKeys(fromWindow, query.after) * (reverse ? 1 : -1) > 0;
  return windowIsTighter ? fromWindow : query.after;
}

function prepare(query: SingleStatusQuery, match: string | undefined) {
  const has = (value: unknown): boolean => value !== undefined;
  const reverse = query.reverse === true;
  const lead = leadingBound(query);
  const trail = reverse ? query.endAt : query.startAt;
  const shape: Shape = {
    driver: has(query.to)
      ? 'receivers'
      : has(query.tag)
        ? 'tags'
        : has(query.subject)
          ? 'subjects'
          : 'messages',
    channel: has(query.channelId),
    platform: has(query.platform),
    from: has(query.from),
    to: has(query.to),
    tag: has(query.tag),
    subject: has(query.subject),
    batch: has(query.batchId),
    status: has(query.status),
    direction: has(query.direction),
    after: has(lead),
    trailing: has(trail),
    reverse,
  };
  const params: Params = {};
  const set = (name: string, value: string | number | undefined): void => {
    if (value !== undefined) params[name] = value;
  };
  set('to', query.to);
  set('tag', query.tag);
  set('match', match);
  set('channelId', query.channelId);
  set('platform', query.platform);
  set('from', query.from);
  set('batchId', query.batchId);
  set('status', query.status);
  set('direction', query.direction);
  set('trail', trail);
  if (lead) {
    set('afterCreatedAt', lead.createdAt);
    set('afterId', lead.id);
  }
  if (shape.driver === 'subjects') {
    // Newest first, the bound's own millisecond stays in range unless the bound is a
    // window edge (id '', which every row of that millisecond is after).
    if (lead) set('leadMs', reverse || lead.id === '' ? lead.createdAt : lead.createdAt + 1);
  } else {
    set('limit', query.limit + 1);
  }
  return { shape, params };
}

/** Rows of the first `limit + 1` positions, from rows in creation order (ties unsorted). */
function firstInOrder(rows: Iterable<MessageRow>, limit: number): MessageRow[] {
  const taken: MessageRow[] = [];
  let boundary: number | undefined;
  for (const row of rows) {
    if (boundary !== undefined && row.created_at !== boundary) break;
    taken.push(row);
    if (taken.length === limit + 1) boundary = row.created_at;
  }
  return taken;
}

const rowKey = (row: MessageRow): PageCursor => ({ createdAt: row.created_at, id: row.id });

function sortRows(rows: MessageRow[], reverse: boolean): MessageRow[] {
  const sign = reverse ? 1 : -1;
  return rows.sort((a, b) => sign * compareKeys(rowKey(a), rowKey(b)));
}

const cursorOf = (message: Message): PageCursor => ({
  createdAt: Date.parse(message.createdAt),
  id: message.id,
});

export function createMessageList(db: Database): (query: MessageListQuery) => ListPage<Message> {
  const statement = statementCache((key) =>
    db.prepare<Params, MessageRow>(buildSql(JSON.parse(key) as Shape)),
  );

  /** The first `limit + 1` rows of a single-status query, in list order. */
  const firstRows = (query: SingleStatusQuery, match: string | undefined): MessageRow[] => {
    const { shape, params } = prepare(query, match);
    const stmt = statement(JSON.stringify(shape));
    if (shape.driver !== 'subjects') return stmt.all(params);
    return sortRows(firstInOrder(stmt.iterate(params), query.limit), shape.reverse).slice(
      0,
      query.limit + 1,
    );
  };

  return (query) => {
    let match: string | undefined;
    if (query.subject !== undefined) {
      match = subjectMatchQuery(query.subject);
      if (match === undefined) return { results: [] };
    }
    const statuses = [...new Set(query.status ?? [])];
    const rows =
      statuses.length <= 1
        ? firstRows({ ...query, status: statuses[0] }, match)
        : sortRows(
            statuses.flatMap((status) => firstRows({ ...query, status }, match)),
            query.reverse === true,
          ).slice(0, query.limit + 1);
    return toPage(rows.map(fromRow), query, cursorOf);
  };
}

/** The SQL and parameters of a query with at most one status (for the query-plan test). */
export function messageListStatement(query: SingleStatusQuery): { sql: string; params: Params } {
  const match = query.subject === undefined ? undefined : subjectMatchQuery(query.subject);
  const { shape, params } = prepare(query, match);
  return { sql: buildSql(shape), params };
}
