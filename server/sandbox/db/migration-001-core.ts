import type { Migration } from './migrations';

/**
 * Migration 1: settings, channels, messages with what the list filters need, receivers
 * and tags (one row per value, for `to` and `tag`), the subject index (FTS5),
 * interactions and lifecycle transitions.
 *
 * Times are integer epoch milliseconds. JSON columns (`doc`, `failure`, `payload`) hold
 * what no query filters on.
 *
 * `messages.seq`, the rowid, is `created_at * 2^20 + n` (n counts messages created in the
 * same millisecond), so rowid order is `created_at` order. The FTS table shares that
 * rowid, which lets a subject search walk matches newest-first and stop after a page.
 */
export const coreSchema: Migration = {
  name: 'core schema',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE channels (
        id          TEXT PRIMARY KEY,
        platform_id TEXT NOT NULL,
        status      TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        doc         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX channels_by_created ON channels (created_at, id);

      CREATE TABLE messages (
        seq            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        channel_id     TEXT NOT NULL REFERENCES channels (id),
        platform_id    TEXT NOT NULL,
        direction      TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
        status         TEXT NOT NULL,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        last_status_at INTEGER NOT NULL,
        sender         TEXT NOT NULL,
        reference      TEXT NOT NULL,
        batch_id       TEXT,
        scheduled_for  INTEGER,
        subject        TEXT,
        reason         TEXT NOT NULL,
        details        TEXT NOT NULL,
        failure        TEXT,
        doc            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX messages_by_created   ON messages (created_at, id);
      CREATE INDEX messages_by_channel   ON messages (channel_id, created_at, id);
      CREATE INDEX messages_by_platform  ON messages (platform_id, created_at, id);
      CREATE INDEX messages_by_status    ON messages (status, created_at, id);
      CREATE INDEX messages_by_direction ON messages (direction, created_at, id);
      CREATE INDEX messages_by_sender    ON messages (sender, created_at, id);
      CREATE INDEX messages_by_batch     ON messages (batch_id, created_at, id)
        WHERE batch_id IS NOT NULL;
      CREATE INDEX messages_by_reference ON messages (channel_id, reference)
        WHERE reference <> '';

      CREATE TABLE message_receivers (
        identifier  TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        message_id  TEXT NOT NULL,
        message_seq INTEGER NOT NULL,
        PRIMARY KEY (identifier, created_at, message_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE message_tags (
        tag         TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        message_id  TEXT NOT NULL,
        message_seq INTEGER NOT NULL,
        PRIMARY KEY (tag, created_at, message_id)
      ) STRICT, WITHOUT ROWID;

      CREATE VIRTUAL TABLE message_subjects USING fts5 (
        subject,
        content = '',
        columnsize = 0,
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE interactions (
        seq        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE,
        message_id TEXT NOT NULL REFERENCES messages (id),
        created_at INTEGER NOT NULL,
        doc        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interactions_by_message ON interactions (message_id, created_at, id);

      CREATE TABLE lifecycle_transitions (
        id         INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL REFERENCES messages (id),
        due_at     INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        payload    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX lifecycle_transitions_by_due ON lifecycle_transitions (due_at, id);
      CREATE INDEX lifecycle_transitions_by_message ON lifecycle_transitions (message_id);
    `);
  },
};
