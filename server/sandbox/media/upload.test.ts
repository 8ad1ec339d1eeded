import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_LESS_MEDIA_CHANNEL } from './media-urls';
import {
  AUTH,
  CHANNELS,
  FORM_CONTENT_TYPE,
  formBody,
  pathOf,
  presign,
  startMediaHarness,
  upload,
  uploadForm,
  type FormPart,
  type MediaHarness,
} from './test-support';

const HOUR = 60 * 60 * 1000;
const storedName = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.bin$/;

describe('E10 POST {uploadUrl} then E11 GET mediaUrl', () => {
  let harness: MediaHarness;
  beforeEach(async () => {
    harness = await startMediaHarness({ maxUploadBytes: 1024 });
  });
  afterEach(() => harness.close());

  const getMedia = (mediaUrl: string, headers: Record<string, string> = AUTH) =>
    harness.app.inject({ method: 'GET', url: pathOf(mediaUrl), headers });

  it('stores the file without an access key and serves the exact bytes with safe headers', async () => {
    const presigned = await presign(harness, 'image/png');
    const bytes = randomBytes(1000);
    expect((await getMedia(presigned.mediaUrl)).statusCode).toBe(404);

    const response = await upload(harness, presigned, uploadForm(presigned, bytes));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(harness.files()).toEqual([expect.stringMatching(storedName)]);

    const media = await getMedia(presigned.mediaUrl);
    expect(media.statusCode).toBe(200);
    expect(media.rawPayload.equals(bytes)).toBe(true);
    const mediaId = presigned.mediaUrl.split('/').pop() ?? '';
    expect(media.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': '1000',
      'content-disposition': `inline; filename="media-${mediaId}.png"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private',
    });
  });

  it('answers HEAD on E11 with the headers only', async () => {
    const presigned = await presign(harness, 'image/png');
    await upload(harness, presigned, uploadForm(presigned, randomBytes(700)));
    const head = await harness.app.inject({
      method: 'HEAD',
      url: pathOf(presigned.mediaUrl),
      headers: AUTH,
    });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe('700');
    expect(head.rawPayload.length).toBe(0);
  });

  it('accepts exactly the size limit', async () => {
    const presigned = await presign(harness, 'video/mp4');
    expect(
      (await upload(harness, presigned, uploadForm(presigned, randomBytes(1024)))).statusCode,
    ).toBe(204);
    const media = await getMedia(presigned.mediaUrl);
    expect(media.headers['content-length']).toBe('1024');
    expect(media.headers['content-disposition']).toMatch(/^inline; filename="media-.*\.mp4"$/);
  });

  it('serves documents, HTML and SVG as attachments', async () => {
    for (const [type, extension] of [
      ['application/pdf', 'pdf'],
      ['text/html', 'html'],
      ['image/svg+xml', 'svg'],
      ['application/x-unheard-of', 'bin'],
    ] as const) {
      const presigned = await presign(harness, type, null);
      const status = (await upload(harness, presigned, uploadForm(presigned, Buffer.from('<x/>'))))
        .statusCode;
      expect(status).toBe(204);
      const media = await getMedia(presigned.mediaUrl);
      expect(media.headers['content-type']).toBe(type);
      expect(media.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="media-[0-9a-f-]{36}\\.${extension}"$`),
      );
    }
  });

  it('serves alias uploads only under the nil channel, channel uploads only under theirs', async () => {
    const alias = await presign(harness, 'image/png', null);
    const channel = await presign(harness, 'image/png');
    await upload(harness, alias, uploadForm(alias, Buffer.from('a')));
    await upload(harness, channel, uploadForm(channel, Buffer.from('c')));
    const other = CHANNELS.sms;
    expect((await getMedia(alias.mediaUrl)).body).toBe('a');
    expect((await getMedia(channel.mediaUrl)).body).toBe('c');
    expect(
      (await getMedia(alias.mediaUrl.replace(CHANNEL_LESS_MEDIA_CHANNEL, other))).statusCode,
    ).toBe(404);
    expect(
      (
        await getMedia(
          channel.mediaUrl.replace(/channels\/[^/]+/, `channels/${CHANNEL_LESS_MEDIA_CHANNEL}`),
        )
      ).statusCode,
    ).toBe(404);
  });

  it('asks for the access key on E11', async () => {
    const presigned = await presign(harness, 'image/png');
    await upload(harness, presigned, uploadForm(presigned, Buffer.from('x')));
    const response = await getMedia(presigned.mediaUrl, {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'Unauthorized' });
  });

  it('accepts a key once', async () => {
    const presigned = await presign(harness, 'image/png');
    const form = uploadForm(presigned, Buffer.from('first'));
    expect((await upload(harness, presigned, form)).statusCode).toBe(204);
    const again = await upload(harness, presigned, uploadForm(presigned, Buffer.from('second')));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'Conflict' });
    expect((await getMedia(presigned.mediaUrl)).body).toBe('first');
    expect(harness.files()).toHaveLength(1);
  });

  it('keeps the hostile filename of the file part away from the disk', async () => {
    const presigned = await presign(harness, 'image/png');
    const body = uploadForm(presigned, Buffer.from('bytes'), (parts) =>
      parts.map((part) =>
        part.name === 'file' ? { ...part, filename: '../../etc/passwd\u0001\u001b[31m' } : part,
      ),
    );
    expect((await upload(harness, presigned, body)).statusCode).toBe(204);
    expect(harness.files()).toEqual([expect.stringMatching(storedName)]);
    const media = await getMedia(presigned.mediaUrl);
    expect(media.headers['content-disposition']).toMatch(
      /^inline; filename="media-[0-9a-f-]{36}\.png"$/,
    );
  });

  it('leaves a key usable after a refused upload', async () => {
    const presigned = await presign(harness, 'image/png');
    expect(
      (await upload(harness, presigned, uploadForm(presigned, randomBytes(1025)))).statusCode,
    ).toBe(400);
    expect(
      (await upload(harness, presigned, uploadForm(presigned, Buffer.alloc(0)))).statusCode,
    ).toBe(400);
    expect(
      (await upload(harness, presigned, uploadForm(presigned, Buffer.from('ok')))).statusCode,
    ).toBe(204);
    expect((await getMedia(presigned.mediaUrl)).body).toBe('ok');
  });

  it('forgets expired presigned uploads that never got a file, and keeps stored ones', async () => {
    const stored = await presign(harness, 'image/png');
    await upload(harness, stored, uploadForm(stored, Buffer.from('kept')));
    await presign(harness, 'image/png');
    await presign(harness, 'image/png', null);
    harness.clock.advance(HOUR - 1);
    expect(harness.media.removeExpired()).toBe(0);
    harness.clock.advance(1);
    expect(harness.media.removeExpired()).toBe(2);
    expect((await getMedia(stored.mediaUrl)).body).toBe('kept');
  });

  describe('refusals (nothing is stored)', () => {
    afterEach(() => {
      expect(harness.files()).toEqual([]);
    });

    const expectError = async (
      body: Buffer,
      status: number,
      code: string,
      presigned?: Parameters<typeof upload>[1],
    ) => {
      const target = presigned ?? (await presign(harness, 'image/png'));
      const response = await upload(harness, target, body);
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ code });
      expect((await getMedia(target.mediaUrl)).statusCode).toBe(404);
      return response;
    };

    it('403 once the policy has expired (1 h)', async () => {
      const presigned = await presign(harness, 'image/png');
      harness.clock.advance(HOUR);
      const response = await expectError(
        uploadForm(presigned, Buffer.from('x')),
        403,
        'AccessDenied',
        presigned,
      );
      expect(response.json()).toEqual({
        code: 'AccessDenied',
        message: 'Invalid according to Policy: Policy expired',
      });
    });

    it('403 for a tampered policy or signature', async () => {
      const presigned = await presign(harness, 'image/png');
      const policy = JSON.parse(
        Buffer.from(presigned.uploadFormData.policy, 'base64').toString(),
      ) as {
        conditions: unknown[];
      };
      policy.conditions = policy.conditions.map((c) =>
        Array.isArray(c) && c[0] === 'content-length-range' ? ['content-length-range', 1, 1e9] : c,
      );
      const tamperedPolicy = Buffer.from(JSON.stringify(policy)).toString('base64');
      const signature = presigned.uploadFormData['x-amz-signature'];
      const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
      for (const [field, value] of [
        ['policy', tamperedPolicy],
        ['x-amz-signature', flipped],
        ['x-amz-signature', signature.slice(0, 10)],
        ['x-amz-credential', 'OTHER/20261127/sandbox/s3/aws4_request'],
        ['x-amz-date', '20261128T120000Z'],
      ] as const) {
        const body = uploadForm(presigned, Buffer.from('x'), (parts) =>
          parts.map((part) => (part.name === field ? { ...part, value } : part)),
        );
        await expectError(body, 403, 'AccessDenied', presigned);
      }
    });

    it('403 when Content-Type or key differ from the policy, or a field is extra or missing', async () => {
      const presigned = await presign(harness, 'image/png');
      const edits: ((parts: FormPart[]) => FormPart[])[] = [
        (parts) => parts.map((p) => (p.name === 'Content-Type' ? { ...p, value: 'text/html' } : p)),
        (parts) =>
          parts.map((p) => (p.name === 'key' ? { ...p, value: `${p.value.toString()}x` } : p)),
        (parts) => [{ name: 'acl', value: 'public-read' }, ...parts],
        (parts) => parts.filter((p) => p.name !== 'Content-Type'),
      ];
      for (const edit of edits) {
        await expectError(
          uploadForm(presigned, Buffer.from('x'), edit),
          403,
          'AccessDenied',
          presigned,
        );
      }
    });

    it('403 for another upload URL', async () => {
      const presigned = await presign(harness, 'image/png');
      const response = await harness.app.inject({
        method: 'POST',
        url: pathOf(presigned.uploadUrl).replace(/[^/]+$/, 'some-other-bucket'),
        headers: { 'content-type': FORM_CONTENT_TYPE },
        payload: uploadForm(presigned, Buffer.from('x')),
      });
      expect(response.statusCode).toBe(403);
    });

    it('400 when the file is not the last part', async () => {
      const presigned = await presign(harness, 'image/png');
      for (const edit of [
        (parts: FormPart[]) => [...parts, { name: 'x-ignore-late', value: 'late' }],
        (parts: FormPart[]) => {
          const file = parts.find((p) => p.name === 'file');
          return file === undefined ? parts : [...parts, file];
        },
        (parts: FormPart[]) => [
          ...parts.filter((p) => p.name === 'file'),
          ...parts.filter((p) => p.name !== 'file'),
        ],
      ]) {
        const response = await expectError(
          uploadForm(presigned, Buffer.from('x'), edit),
          400,
          'BadRequest',
          presigned,
        );
        expect(response.json<{ message: string }>().message).toMatch(/last/);
      }
    });

    it('400 without a file, a field the policy needs, or with a duplicate field', async () => {
      const presigned = await presign(harness, 'image/png');
      await expectError(
        uploadForm(presigned, Buffer.from('x'), (parts) => parts.filter((p) => p.name !== 'file')),
        400,
        'BadRequest',
        presigned,
      );
      await expectError(
        uploadForm(presigned, Buffer.from('x'), (parts) =>
          parts.filter((p) => p.name !== 'x-amz-signature'),
        ),
        400,
        'BadRequest',
        presigned,
      );
      await expectError(
        uploadForm(presigned, Buffer.from('x'), (parts) => [{ name: 'key', value: 'k' }, ...parts]),
        400,
        'BadRequest',
        presigned,
      );
    });

    it('400 EntityTooSmall for an empty file', async () => {
      await expectError(
        uploadForm(await presign(harness, 'image/png'), Buffer.alloc(0)),
        400,
        'EntityTooSmall',
      );
    });

    it('400 EntityTooLarge one byte over the limit, read to the end and dropped', async () => {
      const response = await expectError(
        uploadForm(await presign(harness, 'image/png'), randomBytes(1025)),
        400,
        'EntityTooLarge',
      );
      expect(response.headers.connection).not.toBe('close');
    });

    it('400 EntityTooLarge before reading a body whose declared length is far over', async () => {
      const response = await expectError(
        uploadForm(await presign(harness, 'image/png'), Buffer.alloc(2 * 1024 * 1024)),
        400,
        'EntityTooLarge',
      );
      expect(response.headers.connection).toBe('close');
    });

    it('415 for a body that is not a multipart form', async () => {
      const presigned = await presign(harness, 'image/png');
      for (const [type, payload] of [
        ['application/json', JSON.stringify(presigned.uploadFormData)],
        ['application/octet-stream', 'bytes'],
      ] as const) {
        const response = await harness.app.inject({
          method: 'POST',
          url: pathOf(presigned.uploadUrl),
          headers: { 'content-type': type },
          payload,
        });
        expect(response.statusCode).toBe(415);
      }
    });

    it('400 for a malformed multipart body', async () => {
      const presigned = await presign(harness, 'image/png');
      const body = formBody([{ name: 'key', value: presigned.uploadFormData.key }]).subarray(0, 40);
      await expectError(body, 400, 'BadRequest', presigned);
    });
  });
});
