import type { Migration } from '../db/migrations';

/**
 * The `media` table: one row per presigned upload (E9), `pending` until its file arrives
 * (E10), then `stored` with the file's size and its generated name under `{dataDir}/media/`.
 *
 * - `channel_id` is NULL for uploads through the channel-less alias
 *   (`/channel-media/presigned-upload`).
 * - `upload_key` is the policy's `key`; UNIQUE, and a key is stored at most once.
 * - `expires_at` is the policy's expiration; pending rows past it are deleted.
 * - Times are integer epoch milliseconds, like the rest of the sandbox's schema.
 */
export const mediaSchema: Migration = {
  name: 'media uploads',
  up(db) {
    db.exec(`
      CREATE TABLE media (
        id           TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL,
        channel_id   TEXT,
        upload_key   TEXT NOT NULL UNIQUE,
        content_type TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('pending', 'stored')),
        size         INTEGER,
        storage_name TEXT UNIQUE,
        created_at   INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL,
        stored_at    INTEGER,
        CHECK ((state = 'stored') = (size IS NOT NULL AND storage_name IS NOT NULL AND stored_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX media_pending_by_expiry ON media (expires_at) WHERE state = 'pending';
    `);
  },
};
