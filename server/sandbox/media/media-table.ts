import { randomBytes } from 'node:crypto';
import type { Database } from '../db/open-database';
import { getOrCreateSetting } from '../store/settings';

export type MediaState = 'pending' | 'stored';

export interface MediaRow {
  id: string;
  workspaceId: string;
  /** `null` for uploads through the channel-less alias. */
  channelId: string | null;
  uploadKey: string;
  contentType: string;
  state: MediaState;
  size: number | null;
  storageName: string | null;
  createdAt: number;
  expiresAt: number;
  storedAt: number | null;
}

export interface StoredMedia extends MediaRow {
  state: 'stored';
  size: number;
  storageName: string;
  storedAt: number;
}

export interface NewMedia {
  id: string;
  workspaceId: string;
  channelId: string | null;
  uploadKey: string;
  contentType: string;
  createdAt: number;
  expiresAt: number;
}

interface MediaRecord {
  id: string;
  workspace_id: string;
  channel_id: string | null;
  upload_key: string;
  content_type: string;
  state: MediaState;
  size: number | null;
  storage_name: string | null;
  created_at: number;
  expires_at: number;
  stored_at: number | null;
}

const toRow = (record: MediaRecord): MediaRow => ({
  id: record.id,
  workspaceId: record.workspace_id,
  channelId: record.channel_id,
  uploadKey: record.upload_key,
  contentType: record.content_type,
  state: record.state,
  size: record.size,
  storageName: record.storage_name,
  createdAt: record.created_at,
  expiresAt: record.expires_at,
  storedAt: record.stored_at,
});

function isStored(row: MediaRow): row is StoredMedia {
  return row.state === 'stored' && row.size !== null && row.storageName !== null;
}

/** The settings row holding the secret that signs upload policies. */
export const UPLOAD_SECRET_SETTING = 'media_upload_secret';

/** The `media` table and the upload secret, with statements prepared once. */
export class MediaTable {
  readonly #insert;
  readonly #byKey;
  readonly #byId;
  readonly #markStored;
  readonly #deleteExpired;
  readonly #secret: string;

  constructor(db: Database) {
    this.#insert = db.prepare<[NewMedia]>(
      `INSERT INTO media (id, workspace_id, channel_id, upload_key, content_type, state, created_at, expires_at)
       VALUES (@id, @workspaceId, @channelId, @uploadKey, @contentType, 'pending', @createdAt, @expiresAt)`,
    );
    this.#byKey = db.prepare<[string], MediaRecord>('SELECT * FROM media WHERE upload_key = ?');
    this.#byId = db.prepare<[string], MediaRecord>('SELECT * FROM media WHERE id = ?');
    this.#markStored = db.prepare<[{ id: string; size: number; storageName: string; at: number }]>(
      `UPDATE media SET state = 'stored', size = @size, storage_name = @storageName, stored_at = @at
       WHERE id = @id AND state = 'pending'`,
    );
    this.#deleteExpired = db.prepare<[number]>(
      `DELETE FROM media WHERE state = 'pending' AND expires_at <= ?`,
    );
    this.#secret = getOrCreateSetting(db, UPLOAD_SECRET_SETTING, () =>
      randomBytes(32).toString('base64url'),
    );
  }

  /** The per-sandbox secret that signs upload policies (random, kept in `settings`). */
  get uploadSecret(): string {
    return this.#secret;
  }

  insertPending(media: NewMedia): void {
    this.#insert.run(media);
  }

  findByKey(uploadKey: string): MediaRow | undefined {
    const record = this.#byKey.get(uploadKey);
    return record === undefined ? undefined : toRow(record);
  }

  /** A stored file of this workspace and channel (`null`: the channel-less alias). */
  findStored(workspaceId: string, channelId: string | null, id: string): StoredMedia | undefined {
    const record = this.#byId.get(id);
    if (record === undefined) return undefined;
    const row = toRow(record);
    return isStored(row) && row.workspaceId === workspaceId && row.channelId === channelId
      ? row
      : undefined;
  }

  /** Pending → stored, once: `false` when the row is gone or was stored already. */
  markStored(id: string, size: number, storageName: string, at: number): boolean {
    return this.#markStored.run({ id, size, storageName, at }).changes === 1;
  }

  /** Forgets presigned uploads whose policy has expired without a file; returns how many. */
  deleteExpiredPending(now: number): number {
    return this.#deleteExpired.run(now).changes;
  }
}
