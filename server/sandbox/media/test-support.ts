import { readdirSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  presignedUploadSchema,
  type PresignedUpload,
} from '../../../src/lib/bird/presigned-upload';
import { authorize } from '../http/auth';
import { birdErrorHandler } from '../http/error-handler';
import { useJsonBodyParser } from '../http/json-body';
import '../http/route-config';
import { openTestStore, type TestStore } from '../store/test-fixtures';
import { mediaRoutes } from './routes';
import { SandboxMedia } from './sandbox-media';

/** Test support for the media routes: a sandbox context around them, and form builders. */

export const ACCESS_KEY = 'test-access-key-0123456789';
export const AUTH = { authorization: `AccessKey ${ACCESS_KEY}` } as const;
export const PREFIX = '/sandbox';

export interface MediaHarness extends TestStore {
  app: FastifyInstance;
  media: SandboxMedia;
  /** Names in the media folder (partial files included). */
  files(): string[];
  close(): Promise<void>;
}

/**
 * The media routes inside an encapsulated context built the way the sandbox plugin builds
 * its own (DEVELOPERS.md): the JSON body parser, the Bird error handler and the AccessKey
 * check in `onRequest`, which routes marked `skipAccessKey` bypass. Mounted at `/sandbox`.
 */
export async function startMediaHarness(
  options: { maxUploadBytes?: number } = {},
): Promise<MediaHarness> {
  const test = openTestStore();
  const media = new SandboxMedia({
    db: test.db,
    clock: test.clock,
    dataDir: ':memory:',
    workspaceId: test.workspace.id,
    channels: test.store.channels,
    messages: test.store.messages,
    ...options,
  });
  const app = Fastify();
  await app.register(
    async (sandbox) => {
      useJsonBodyParser(sandbox);
      sandbox.setErrorHandler(birdErrorHandler);
      sandbox.addHook('onRequest', (request, _reply, done) => {
        if (request.routeOptions.config.skipAccessKey !== true) {
          authorize(request, { accessKey: ACCESS_KEY });
        }
        done();
      });
      await sandbox.register(mediaRoutes, { media });
    },
    { prefix: PREFIX },
  );
  await app.ready();
  return {
    ...test,
    app,
    media,
    files: () => readdirSync(media.storage.dir),
    close: async () => {
      await app.close();
      media.close();
      test.db.close();
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
  channelId: string | null = harness.workspace.channels.whatsapp.id,
): Promise<PresignedUpload> {
  const ws = harness.workspace.id;
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
