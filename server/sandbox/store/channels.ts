import type { Channel } from '../../../src/lib/bird/channel';
import type { Database } from '../db/open-database';
import { cursorParams, keysetSql, statementCache, toPage } from './keyset';
import type { ChannelListQuery, ChannelStore } from './types';

interface ChannelRow {
  doc: string;
}

/** Channels (E1, E2): the full Channel as JSON plus the columns E1 filters on. */
export function createChannelStore(db: Database): ChannelStore {
  const insert = db.prepare<{
    id: string;
    platformId: string;
    status: string;
    createdAt: number;
    updatedAt: number;
    doc: string;
  }>(
    `INSERT INTO channels (id, platform_id, status, created_at, updated_at, doc)
     VALUES (@id, @platformId, @status, @createdAt, @updatedAt, @doc)`,
  );
  const get = db.prepare<[string], ChannelRow>('SELECT doc FROM channels WHERE id = ?');

  // One statement per combination of (platform?, status?, cursor?, reverse?).
  const listStatement = statementCache((key) => {
    const [platform, status, after, reverse] = key.split('').map((c) => c === '1');
    const keyset = keysetSql('c', 'id', reverse === true);
    const where = [
      platform ? 'c.platform_id = @platform' : undefined,
      status ? 'c.status = @status' : undefined,
      after ? keyset.after : undefined,
    ].filter((part) => part !== undefined);
    return db.prepare<Record<string, string | number>, ChannelRow>(
      `SELECT c.doc FROM channels c
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ${keyset.orderBy} LIMIT @limit`,
    );
  });

  return {
    insert(channel) {
      insert.run({
        id: channel.id,
        platformId: channel.platformId,
        status: channel.status,
        createdAt: Date.parse(channel.createdAt),
        updatedAt: Date.parse(channel.updatedAt),
        doc: JSON.stringify(channel),
      });
    },
    get(id) {
      const row = get.get(id);
      return row ? (JSON.parse(row.doc) as Channel) : undefined;
    },
    list(query: ChannelListQuery) {
      const flags = [query.platform, query.status, query.after, query.reverse || undefined]
        .map((value) => (value === undefined ? '0' : '1'))
        .join('');
      const params: Record<string, string | number> = {
        limit: query.limit + 1,
        ...cursorParams(query.after),
      };
      if (query.platform !== undefined) params.platform = query.platform;
      if (query.status !== undefined) params.status = query.status;
      const rows = listStatement(flags).all(params);
      const channels = rows.map((row) => JSON.parse(row.doc) as Channel);
      return toPage(channels, query, (c) => ({ createdAt: Date.parse(c.createdAt), id: c.id }));
    },
  };
}
