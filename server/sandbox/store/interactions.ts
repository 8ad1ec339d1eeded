import type { Interaction } from '../../../src/lib/bird/interaction';
import type { Database } from '../db/open-database';
import { cursorParams, keysetSql, statementCache, toPage } from './keyset';
import type { InteractionStore, PageQuery } from './types';

interface InteractionRow {
  doc: string;
}

/** An interaction as its insert binds it (plain JSON: can be made in another thread). */
export interface PreparedInteraction {
  id: string;
  messageId: string;
  createdAt: number;
  doc: string;
}

export function prepareInteraction(interaction: Interaction): PreparedInteraction {
  return {
    id: interaction.id,
    messageId: interaction.messageId,
    createdAt: Date.parse(interaction.createdAt),
    doc: JSON.stringify(interaction),
  };
}

/** Interactions (E8): the full Interaction as JSON, listed per message by `(createdAt, id)`. */
export function createInteractionStore(db: Database): InteractionStore {
  const insert = db.prepare<PreparedInteraction>(
    `INSERT INTO interactions (id, message_id, created_at, doc)
     VALUES (@id, @messageId, @createdAt, @doc)`,
  );
  const insertEach = (rows: readonly PreparedInteraction[]): void => {
    for (const row of rows) insert.run(row);
  };
  const insertInTransaction = db.transaction(insertEach);
  const insertAll = (rows: readonly PreparedInteraction[]): void => {
    if (db.inTransaction) insertEach(rows);
    else insertInTransaction(rows);
  };
  // One statement per (cursor?, reverse?).
  const listStatement = statementCache((key) => {
    const keyset = keysetSql('i', 'id', key.endsWith('r'));
    return db.prepare<Record<string, string | number>, InteractionRow>(
      `SELECT i.doc FROM interactions i
       WHERE i.message_id = @messageId ${key.startsWith('a') ? `AND ${keyset.after}` : ''}
       ${keyset.orderBy} LIMIT @limit`,
    );
  });

  return {
    insert(interaction) {
      insert.run(prepareInteraction(interaction));
    },
    insertPrepared(interactions) {
      insertAll(interactions);
    },
    listByMessage(messageId, page: PageQuery) {
      const key = `${page.after ? 'a' : '-'}${page.reverse ? 'r' : '-'}`;
      const rows = listStatement(key).all({
        messageId,
        limit: page.limit + 1,
        ...cursorParams(page.after),
      });
      const interactions = rows.map((row) => JSON.parse(row.doc) as Interaction);
      return toPage(interactions, page, (i) => ({ createdAt: Date.parse(i.createdAt), id: i.id }));
    },
  };
}
