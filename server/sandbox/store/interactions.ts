import type { Interaction } from '../../../src/lib/bird/interaction';
import type { Database } from '../db/open-database';
import { cursorParams, keysetSql, statementCache, toPage } from './keyset';
import type { InteractionStore, PageQuery } from './types';

interface InteractionRow {
  doc: string;
}

/** Interactions (E8): the full Interaction as JSON, listed per message by `(createdAt, id)`. */
export function createInteractionStore(db: Database): InteractionStore {
  const insert = db.prepare<{ id: string; messageId: string; createdAt: number; doc: string }>(
    `INSERT INTO interactions (id, message_id, created_at, doc)
     VALUES (@id, @messageId, @createdAt, @doc)`,
  );
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
      insert.run({
        id: interaction.id,
        messageId: interaction.messageId,
        createdAt: Date.parse(interaction.createdAt),
        doc: JSON.stringify(interaction),
      });
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
