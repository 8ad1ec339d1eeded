import type { ListPage } from '../../../src/lib/bird/common';
import { encodePageToken } from './page-token';
import type { PageCursor, PageQuery } from './types';

/**
 * Keyset paging over `(created_at, id)`: the fixed SQL fragments for both directions and
 * the page/next-token assembly. `alias` names the table (or index-carrying join) whose
 * `created_at` and id column order the list.
 */
export function keysetSql(alias: string, idColumn: string, reverse: boolean) {
  const key = `(${alias}.created_at, ${alias}.${idColumn})`;
  return reverse
    ? {
        after: `${key} > (@afterCreatedAt, @afterId)`,
        orderBy: `ORDER BY ${alias}.created_at ASC, ${alias}.${idColumn} ASC`,
      }
    : {
        after: `${key} < (@afterCreatedAt, @afterId)`,
        orderBy: `ORDER BY ${alias}.created_at DESC, ${alias}.${idColumn} DESC`,
      };
}

/** Named parameters for the cursor fragment (absent when there is no cursor). */
export function cursorParams(after: PageCursor | undefined): Record<string, string | number> {
  return after ? { afterCreatedAt: after.createdAt, afterId: after.id } : {};
}

/**
 * Turns `limit + 1` fetched rows into a page: the first `limit` results, and a token
 * pointing at the last of them when there was one more.
 */
export function toPage<T>(
  rows: readonly T[],
  page: PageQuery,
  cursorOf: (item: T) => PageCursor,
): ListPage<T> {
  if (rows.length <= page.limit) return { results: [...rows] };
  const results = rows.slice(0, page.limit);
  const last = results[results.length - 1];
  return last === undefined
    ? { results }
    : { results, nextPageToken: encodePageToken(cursorOf(last)) };
}

/** Caches one prepared statement per combination key (the SQL is built from fixed parts). */
export function statementCache<S>(build: (key: string) => S): (key: string) => S {
  const cache = new Map<string, S>();
  return (key) => {
    let statement = cache.get(key);
    if (statement === undefined) {
      statement = build(key);
      cache.set(key, statement);
    }
    return statement;
  };
}
