import { randomUUID } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { Clock } from '../../clock';
import { MAX_UPLOAD_BYTES, PRESIGN_POLICY_EXPIRY_SECONDS } from '../../../src/lib/bird/decisions';
import type { PresignedUpload } from '../../../src/lib/bird/presigned-upload';
import type { Database } from '../db/open-database';
import { conflict, notFound } from '../http/errors';
import type { ChannelStore, MessageStore } from '../store/types';
import { MediaTable, type StoredMedia } from './media-table';
import { generatedMediaUrl, uploadedMediaUrl, uploadUrl } from './media-urls';
import { generatedImagePng } from './png';
import { signUploadForm, verifyUploadForm } from './policy';
import { MediaStorage } from './storage';
import { discardRest, readFieldsThenFile, nextPart, writeFile, type Parts } from './upload-form';
import { accessDenied, entityTooSmall, malformedForm } from './upload-errors';

export interface SandboxMediaOptions {
  db: Database;
  clock: Clock;
  /** `--data-dir`; files go to `{dataDir}/media/`, or a temporary folder for `':memory:'`. */
  dataDir: string;
  workspaceId: string;
  channels: Pick<ChannelStore, 'get'>;
  messages: Pick<MessageStore, 'getById'>;
  /** Largest accepted file; default 100 MiB (the contract's limit). Tests pass less. */
  maxUploadBytes?: number;
}

/** An uploaded file ready to be sent: its row and an open handle (the caller closes it). */
export interface OpenedMedia {
  media: StoredMedia;
  handle: FileHandle;
  size: number;
}

const MIN_UPLOAD_BYTES = 1;
const GENERATED_IMAGE_CACHE_SIZE = 64;

/**
 * The sandbox's media (E9–E12): presigned uploads with real signed policies, the upload
 * form that checks them and streams files to disk, the uploaded files, and the PNGs it
 * draws for media of incoming messages.
 */
export class SandboxMedia {
  readonly workspaceId: string;
  readonly maxUploadBytes: number;
  readonly storage: MediaStorage;
  readonly #table: MediaTable;
  readonly #clock: Clock;
  readonly #channels: SandboxMediaOptions['channels'];
  readonly #messages: SandboxMediaOptions['messages'];
  readonly #images = new Map<string, Buffer>();

  constructor(options: SandboxMediaOptions) {
    const max = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    if (!Number.isInteger(max) || max < MIN_UPLOAD_BYTES || max > MAX_UPLOAD_BYTES) {
      throw new RangeError(`maxUploadBytes must be an integer from 1 to ${MAX_UPLOAD_BYTES}`);
    }
    this.maxUploadBytes = max;
    this.workspaceId = options.workspaceId;
    this.#table = new MediaTable(options.db);
    this.#clock = options.clock;
    this.#channels = options.channels;
    this.#messages = options.messages;
    this.storage = new MediaStorage(options.dataDir);
    this.removeExpired();
  }

  /** The upload URL's last segment: one "bucket" per workspace. */
  get bucket(): string {
    return this.workspaceId;
  }

  /**
   * E9: records a pending upload and signs its form. `channelId` `null` is the channel-less
   * alias; an unknown channel is 404. `base` is the serving origin plus mount prefix.
   */
  /** 404 unless the channel exists. */
  requireChannel(channelId: string): void {
    if (this.#channels.get(channelId) === undefined) throw notFound('The channel does not exist');
  }

  presign(base: string, channelId: string | null, contentType: string): PresignedUpload {
    if (channelId !== null) this.requireChannel(channelId);
    const now = this.#clock.now();
    this.#table.deleteExpiredPending(now);
    const id = randomUUID();
    const key = `workspaces/${this.workspaceId}/media/${id}`;
    const expiresAt = now + PRESIGN_POLICY_EXPIRY_SECONDS * 1000;
    this.#table.insertPending({
      id,
      workspaceId: this.workspaceId,
      channelId,
      uploadKey: key,
      contentType,
      createdAt: now,
      expiresAt,
    });
    return {
      mediaUrl: uploadedMediaUrl(base, this.workspaceId, channelId, id),
      uploadUrl: uploadUrl(base, this.bucket),
      uploadMethod: 'POST',
      uploadFormData: signUploadForm(this.#table.uploadSecret, {
        bucket: this.bucket,
        key,
        contentType,
        issuedAt: now,
        expiresAt,
        minBytes: MIN_UPLOAD_BYTES,
        maxBytes: this.maxUploadBytes,
      }),
    };
  }

  /**
   * E10: reads the form, checks it (signature, expiry, every policy condition, the key is
   * still waiting for its file), streams the file to disk and stores it, once. Whatever it
   * refuses, it reads the rest of the form and drops it before throwing.
   */
  async receiveUpload(bucket: string, parts: AsyncIterator<Multipart>): Promise<void> {
    let current: MultipartFile | undefined;
    try {
      const { fields, file } = await readFieldsThenFile(parts);
      current = file;
      if (bucket !== this.bucket) throw accessDenied('This upload URL does not exist');
      const now = this.#clock.now();
      const verified = verifyUploadForm(this.#table.uploadSecret, bucket, fields, now);
      const media = this.#table.findByKey(verified.key);
      if (media === undefined || media.expiresAt <= now) {
        throw accessDenied('The key is unknown or its upload has expired; presign a new upload');
      }
      if (media.state === 'stored') {
        throw conflict('A file was already uploaded with this key; presign a new upload');
      }
      if (verified.contentType !== media.contentType) {
        throw accessDenied('The Content-Type does not match the presigned upload');
      }
      const range = verified.lengthRange ?? { min: MIN_UPLOAD_BYTES, max: this.maxUploadBytes };
      const maxBytes = Math.min(range.max, this.maxUploadBytes);
      const minBytes = Math.max(range.min, MIN_UPLOAD_BYTES);
      await this.#store(parts, file, media.id, minBytes, maxBytes);
      current = undefined;
    } catch (error) {
      await discardRest(parts, current);
      throw error;
    }
  }

  async #store(
    parts: Parts,
    file: MultipartFile,
    id: string,
    minBytes: number,
    maxBytes: number,
  ): Promise<void> {
    const partial = this.storage.partialPath();
    const discard = (path: string) => this.storage.discard(path);
    const size = await writeFile(file, partial, maxBytes, discard);
    try {
      const after = await nextPart(parts);
      if (after !== undefined) {
        if (after.type === 'file') after.file.resume();
        throw malformedForm('The file must be the last field of the form');
      }
      if (size < minBytes) throw entityTooSmall(minBytes);
    } catch (error) {
      await discard(partial);
      throw error;
    }
    const name = await this.storage.commit(partial);
    if (!this.#table.markStored(id, size, name, this.#clock.now())) {
      await discard(this.storage.pathOf(name));
      throw conflict('A file was already uploaded with this key; presign a new upload');
    }
  }

  /** E11: an uploaded file of this workspace and channel (`null`: the alias), opened. */
  async openUploaded(channelId: string | null, mediaId: string): Promise<OpenedMedia | undefined> {
    const media = this.#table.findStored(this.workspaceId, channelId, mediaId);
    if (media === undefined) return undefined;
    let handle: FileHandle;
    try {
      handle = await open(this.storage.pathOf(media.storageName), 'r');
    } catch {
      return undefined;
    }
    try {
      const { size } = await handle.stat();
      return { media, handle, size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * E12: the PNG of a medium the sandbox generated for a message (incoming replies, and the
   * images and attachments of seeded messages in either direction), when that message
   * carries the URL {@link generatedMediaUrl} made for it; `undefined` otherwise.
   */
  generatedImage(messageId: string, mediaId: string): Buffer | undefined {
    const message = this.#messages.getById(messageId);
    if (message === undefined) return undefined;
    const url = generatedMediaUrl(this.workspaceId, messageId, mediaId);
    if (!JSON.stringify(message).includes(JSON.stringify(url))) return undefined;
    return this.#drawn(mediaId);
  }

  /** Drawing takes a few milliseconds; the most recently served images are kept. */
  #drawn(mediaId: string): Buffer {
    const cached = this.#images.get(mediaId);
    this.#images.delete(mediaId);
    const png = cached ?? generatedImagePng(mediaId);
    this.#images.set(mediaId, png);
    const oldest = this.#images.keys().next();
    if (this.#images.size > GENERATED_IMAGE_CACHE_SIZE && oldest.done !== true) {
      this.#images.delete(oldest.value);
    }
    return png;
  }

  /** Forgets presigned uploads whose policy expired without a file; returns how many. */
  removeExpired(): number {
    return this.#table.deleteExpiredPending(this.#clock.now());
  }

  /** Removes the temporary folder of an in-memory sandbox. */
  close(): void {
    this.storage.close();
  }
}
