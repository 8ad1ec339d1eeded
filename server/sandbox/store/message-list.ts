import type { ListPage } from '../../../src/lib/bird/common';
import type { Message } from '../../../src/lib/bird/message';
import type { Database } from '../db/open-database';
import { cursorParams, keysetSql, statementCache, toPage } from './keyset';
import { fromRow, MESSAGE_COLUMNS, type MessageRow } from './message-row';
import { subjectMatchQuery } from './subject-match';
import type { MessageListQuery } from './types';

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
  startAt: boolean;
  endAt: boolean;
  from: boolean;
  to: boolean;
  tag: boolean;
  subject: boolean;
  batch: boolean;
  status: 'none' | 'one' | 'many';
  direction: boolean;
  after: boolean;
  reverse: boolean;
  /** Subject driver: rowid bounds standing for startAt/endAt and the cursor. */
  low: boolean;
  high: boolean;
}

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
  const byTime = shape.driver !== 'subjects';
  const where: string[] = [];
  const add = (present: boolean, fragment: string): void => {
    if (present) where.push(fragment);
  };
  add(shape.driver === 'receivers', 'k.identifier = @to');
  add(shape.driver === 'tags', 'k.tag = @tag');
  add(shape.driver === 'subjects', 'message_subjects MATCH @match');
  add(shape.low, `message_subjects.rowid >= @lowMs * ${SEQ_PER_MS}`);
  add(shape.high, `message_subjects.rowid < @highMs * ${SEQ_PER_MS}`);
  add(shape.channel, 'm.channel_id = @channelId');
  add(shape.platform, 'm.platform_id = @platform');
  add(shape.startAt && byTime, `${source.key}.created_at >= @startAt`);
  add(shape.endAt && byTime, `${source.key}.created_at < @endAt`);
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
    shape.subject && shape.driver !== 'subjects',
    'm.seq IN (SELECT rowid FROM message_subjects WHERE message_subjects MATCH @match)',
  );
  add(shape.batch, 'm.batch_id = @batchId');
  add(shape.status === 'one', 'm.status = @status');
  add(shape.status === 'many', 'm.status IN (SELECT value FROM json_each(@statuses))');
  add(shape.direction, 'm.direction = @direction');
  add(shape.after, keyset.after);
  const order = byTime
    ? `${keyset.orderBy} LIMIT @limit`
    : `ORDER BY message_subjects.rowid ${shape.reverse ? 'ASC' : 'DESC'}`;
  return `SELECT ${MESSAGE_COLUMNS} FROM ${source.from}
    ${where.length > 0 ? `WHERE ${where.join('\n      AND ')}` : ''}
    ${order}`;
}

function shapeOf(query: MessageListQuery): Shape {
  const has = (value: unknown): boolean => value !== undefined;
  const statuses = query.status ?? [];
  const subject = has(query.subject);
  const driver: Driver = has(query.to)
    ? 'receivers'
    : has(query.tag)
      ? 'tags'
      : subject
        ? 'subjects'
        : 'messages';
  const reverse = query.reverse === true;
  const after = has(query.after);
  return {
    driver,
    channel: has(query.channelId),
    platform: has(query.platform),
    startAt: has(query.startAt),
    endAt: has(query.endAt),
    from: has(query.from),
    to: has(query.to),
    tag: has(query.tag),
    subject,
    batch: has(query.batchId),
    status: statuses.length === 0 ? 'none' : statuses.length === 1 ? 'one' : 'many',
    direction: has(query.direction),
    after,
    reverse,
    low: driver === 'subjects' && (has(query.startAt) || (after && reverse)),
    high: driver === 'subjects' && (has(query.endAt) || (after && !reverse)),
  };
}

const defined = (values: (number | undefined)[]): number[] =>
  values.filter((value): value is number => value !== undefined);

function paramsOf(query: MessageListQuery, shape: Shape, match: string | undefined): Params {
  const params: Params = { ...cursorParams(query.after) };
  const set = (name: string, value: string | number | undefined): void => {
    if (value !== undefined) params[name] = value;
  };
  set('limit', shape.driver === 'subjects' ? undefined : query.limit + 1);
  set('to', query.to);
  set('tag', query.tag);
  set('match', match);
  set('channelId', query.channelId);
  set('platform', query.platform);
  set('from', query.from);
  set('batchId', query.batchId);
  set('direction', query.direction);
  if (shape.status === 'one') set('status', query.status?.[0]);
  if (shape.status === 'many') set('statuses', JSON.stringify(query.status));
  if (shape.driver === 'subjects') {
    // Rowid bounds in whole milliseconds; the cursor's own millisecond stays in range and
    // the exact `(created_at, id)` test decides within it.
    const cursorMs = query.after?.createdAt;
    const lows = [query.startAt, shape.reverse ? cursorMs : undefined];
    const highs = [query.endAt, shape.reverse || cursorMs === undefined ? undefined : cursorMs + 1];
    if (shape.low) set('lowMs', Math.max(...defined(lows)));
    if (shape.high) set('highMs', Math.min(...defined(highs)));
  } else {
    set('startAt', query.startAt);
    set('endAt', query.endAt);
  }
  return params;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Rows of the first `limit + 1` positions, from rows in creation order (ties unsorted). */
function firstInOrder(rows: Iterable<MessageRow>, limit: number, reverse: boolean): MessageRow[] {
  const taken: MessageRow[] = [];
  let boundary: number | undefined;
  for (const row of rows) {
    if (boundary !== undefined && row.created_at !== boundary) break;
    taken.push(row);
    if (taken.length === limit + 1) boundary = row.created_at;
  }
  const sign = reverse ? 1 : -1;
  taken.sort((a, b) => sign * (a.created_at - b.created_at || compareIds(a.id, b.id)));
  return taken.slice(0, limit + 1);
}

const cursorOf = (message: Message) => ({
  createdAt: Date.parse(message.createdAt),
  id: message.id,
});

export function createMessageList(db: Database): (query: MessageListQuery) => ListPage<Message> {
  const statement = statementCache((key) =>
    db.prepare<Params, MessageRow>(buildSql(JSON.parse(key) as Shape)),
  );
  return (query) => {
    let match: string | undefined;
    if (query.subject !== undefined) {
      match = subjectMatchQuery(query.subject);
      if (match === undefined) return { results: [] };
    }
    const shape = shapeOf(query);
    const stmt = statement(JSON.stringify(shape));
    const params = paramsOf(query, shape, match);
    const rows =
      shape.driver === 'subjects'
        ? firstInOrder(stmt.iterate(params), query.limit, shape.reverse)
        : stmt.all(params);
    return toPage(rows.map(fromRow), query, cursorOf);
  };
}

/** The SQL and parameters a query runs with (for the query-plan test). */
export function messageListStatement(query: MessageListQuery): { sql: string; params: Params } {
  const shape = shapeOf(query);
  const match = query.subject === undefined ? undefined : subjectMatchQuery(query.subject);
  return { sql: buildSql(shape), params: paramsOf(query, shape, match) };
}
