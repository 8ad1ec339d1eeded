import { readdirSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { ManualClock } from '../../clock';
import {
  presignedUploadSchema,
  type PresignedUpload,
} from '../../../src/lib/bird/presigned-upload';
import { createSandbox, type Sandbox } from '../create-sandbox';
import { birdFrameworkErrors } from '../http/error-handler';
import { sandboxPlugin } from '../plugin';
import { DEFAULT_CHANNEL_IDS, type SandboxStore } from '../store';
import { T0 } from '../store/test-fixtures';
import { SandboxMedia } from './sandbox-media';

/** Test support for the media routes: the real sandbox plugin around them, form builders. */

export const ACCESS_KEY = 'test-access-key-0123456789';
export const AUTH = { authorization: `AccessKey ${ACCESS_KEY}` } as const;
/** Mounted the way Perch mounts it, so URLs carry the prefix. */
export const PREFIX = '/sandbox';
export const CHANNELS = DEFAULT_CHANNEL_IDS;

export interface MediaHarness {
  app: FastifyInstance;
  clock: ManualClock;
  workspaceId: string;
  store: SandboxStore;
  media: SandboxMedia;
  /** Names in the media folder (partial files included). */
  files(): string[];
  close(): Promise<void>;
}

/**
 * An in-memory sandbox on a manual clock, its plugin mounted at `/sandbox` (AccessKey check,
 * Bird error handler, the media routes as the plugin registers them). With `maxUploadBytes`
 * the plugin gets a media service with that limit instead of the default 100 MiB one.
 */
export async function startMediaHarness(
  options: { maxUploadBytes?: number } = {},
): Promise<MediaHarness> {
  const clock = new ManualClock(T0);
  const sandbox = createSandbox({
    dataDir: ':memory:',
    clock,
    accessKey: ACCESS_KEY,
    rateLimits: false,
  });
  const media =
    options.maxUploadBytes === undefined
      ? sandbox.media
      : new SandboxMedia({
          db: sandbox.db,
          clock,
          dataDir: ':memory:',
          workspaceId: sandbox.workspaceId,
          channels: sandbox.store.channels,
          messages: sandbox.store.messages,
          maxUploadBytes: options.maxUploadBytes,
        });
  const served: Sandbox = { ...sandbox, media };
  const app = Fastify({ frameworkErrors: birdFrameworkErrors });
  await app.register(sandboxPlugin, { sandbox: served, prefix: PREFIX });
  await app.ready();
  return {
    app,
    clock,
    workspaceId: sandbox.workspaceId,
    store: sandbox.store,
    media,
    files: () => readdirSync(media.storage.dir),
    close: async () => {
      await app.close();
      media.close();
      sandbox.close();
    },
  };
}

export interface FormPart {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

const BOUNDARY = '----perch-media-test-7d1f0c';
export const FORM_CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart/form-data body with exactly these parts, in this order. */
export function formBody(parts: readonly FormPart[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.contentType === undefined ? '' : `\r\nContent-Type: ${part.contentType}`;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`,
        'latin1',
      ),
      Buffer.from(part.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** The upload form of `presigned`, fields in order, then `file` — or as changed by `edit`. */
export function uploadForm(
  presigned: PresignedUpload,
  file: Buffer,
  edit: (parts: FormPart[]) => FormPart[] = (parts) => parts,
): Buffer {
  const fields = Object.entries(presigned.uploadFormData).map(([name, value]): FormPart => ({
    name,
    value,
  }));
  const filePart: FormPart = {
    name: 'file',
    value: file,
    filename: 'picture.png',
    contentType: presigned.uploadFormData['Content-Type'],
  };
  return formBody(edit([...fields, filePart]));
}

/** The path part of an absolute URL the sandbox handed out (for `inject`). */
export const pathOf = (url: string): string => new URL(url).pathname;

export async function presign(
  harness: MediaHarness,
  contentType: string,
  channelId: string | null = CHANNELS.whatsapp,
): Promise<PresignedUpload> {
  const ws = harness.workspaceId;
  const url =
    channelId === null
      ? `${PREFIX}/workspaces/${ws}/channel-media/presigned-upload`
      : `${PREFIX}/workspaces/${ws}/channels/${channelId}/presigned-upload`;
  const response = await harness.app.inject({
    method: 'POST',
    url,
    headers: AUTH,
    payload: { contentType },
  });
  if (response.statusCode !== 200) throw new Error(`presign answered ${response.statusCode}`);
  return presignedUploadSchema.parse(response.json());
}

export async function upload(harness: MediaHarness, presigned: PresignedUpload, body: Buffer) {
  return harness.app.inject({
    method: 'POST',
    url: pathOf(presigned.uploadUrl),
    headers: { 'content-type': FORM_CONTENT_TYPE },
    payload: body,
  });
}
