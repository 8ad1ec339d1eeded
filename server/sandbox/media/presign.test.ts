import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadPolicySchema } from '../../../src/lib/bird/presigned-upload';
import { T0 } from '../store/test-fixtures';
import { CHANNEL_LESS_MEDIA_CHANNEL } from './media-urls';
import {
  AUTH,
  CHANNELS,
  PREFIX,
  presign,
  startMediaHarness,
  type MediaHarness,
} from './test-support';

const decodePolicy = (policy: string) =>
  uploadPolicySchema.parse(JSON.parse(Buffer.from(policy, 'base64').toString('utf8')));

describe('E9 POST presigned-upload', () => {
  let harness: MediaHarness;
  beforeEach(async () => {
    harness = await startMediaHarness();
  });
  afterEach(() => harness.close());

  it('answers a PresignedUpload whose URLs point back at the mounted sandbox', async () => {
    const ws = harness.workspaceId;
    const channel = CHANNELS.whatsapp;
    const presigned = await presign(harness, 'image/png', channel);

    const mediaUrl = new RegExp(
      `^http://localhost:80${PREFIX}/workspaces/${ws}/channels/${channel}/media/[0-9a-f-]{36}$`,
    );
    expect(presigned.mediaUrl).toMatch(mediaUrl);
    expect(presigned.uploadUrl).toBe(`http://localhost:80${PREFIX}/_uploads/${ws}`);
    expect(presigned.uploadMethod).toBe('POST');
    const mediaId = presigned.mediaUrl.split('/').pop() ?? '';
    const form = presigned.uploadFormData;
    expect(Object.keys(form)).toEqual([
      'key',
      'Content-Type',
      'policy',
      'x-amz-algorithm',
      'x-amz-credential',
      'x-amz-date',
      'x-amz-signature',
    ]);
    expect(form.key).toBe(`workspaces/${ws}/media/${mediaId}`);
    expect(form['Content-Type']).toBe('image/png');
    expect(form['x-amz-algorithm']).toBe('AWS4-HMAC-SHA256');
    expect(form['x-amz-date']).toBe('20261127T120000Z');
    expect(form['x-amz-credential']).toBe('PERCHSANDBOXMEDIA/20261127/sandbox/s3/aws4_request');
    expect(form['x-amz-signature']).toMatch(/^[0-9a-f]{64}$/);

    const policy = decodePolicy(form.policy);
    expect(policy.expiration).toBe(new Date(T0 + 60 * 60 * 1000).toISOString());
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key: form.key },
        { 'Content-Type': 'image/png' },
        ['content-length-range', 1, 104_857_600],
      ]),
    );
  });

  it('keys and signs every upload differently', async () => {
    const a = await presign(harness, 'image/png');
    const b = await presign(harness, 'image/png');
    expect(a.uploadFormData.key).not.toBe(b.uploadFormData.key);
    expect(a.uploadFormData['x-amz-signature']).not.toBe(b.uploadFormData['x-amz-signature']);
  });

  it('gives alias uploads an E11 mediaUrl with the nil channel id', async () => {
    const presigned = await presign(harness, 'application/pdf', null);
    expect(presigned.mediaUrl).toMatch(
      new RegExp(
        `${PREFIX}/workspaces/${harness.workspaceId}/channels/${CHANNEL_LESS_MEDIA_CHANNEL}/media/[0-9a-f-]{36}$`,
      ),
    );
    expect(presigned.uploadFormData['Content-Type']).toBe('application/pdf');
  });

  it('states the configured size limit in the policy', async () => {
    await harness.close();
    harness = await startMediaHarness({ maxUploadBytes: 1024 });
    const presigned = await presign(harness, 'image/png');
    expect(decodePolicy(presigned.uploadFormData.policy).conditions).toContainEqual([
      'content-length-range',
      1,
      1024,
    ]);
  });

  describe('refusals', () => {
    const post = (url: string, payload: unknown, headers: Record<string, string> = AUTH) =>
      harness.app.inject({ method: 'POST', url, headers, payload: payload as object });
    const channelPath = () =>
      `${PREFIX}/workspaces/${harness.workspaceId}/channels/${CHANNELS.sms}/presigned-upload`;

    it('422 with details for a body that does not fit', async () => {
      const response = await post(channelPath(), { contentType: 'png', extra: 1 });
      expect(response.statusCode).toBe(422);
      const body = response.json<{ code: string; details: Record<string, string[]> }>();
      expect(body.code).toBe('InvalidPayload');
      expect(body.details['.contentType']).toEqual(['must be a MIME type like image/png']);
      expect(body.details['.extra']).toEqual(['property "extra" is unsupported']);
    });

    it('404 for an unknown channel or workspace, before the body is validated', async () => {
      const ws = harness.workspaceId;
      const unknown = '11111111-2222-4333-8444-555555555555';
      const channel = await post(
        `${PREFIX}/workspaces/${ws}/channels/${unknown}/presigned-upload`,
        {},
      );
      expect(channel.statusCode).toBe(404);
      const workspace = await post(
        `${PREFIX}/workspaces/${unknown}/channel-media/presigned-upload`,
        { contentType: 'image/png' },
      );
      expect(workspace.statusCode).toBe(404);
      expect(workspace.json()).toEqual({
        code: 'NotFound',
        message: 'The workspace does not exist',
      });
    });

    it('401 without the access key, 415 without a JSON body', async () => {
      expect((await post(channelPath(), { contentType: 'image/png' }, {})).statusCode).toBe(401);
      const text = await harness.app.inject({
        method: 'POST',
        url: channelPath(),
        headers: { ...AUTH, 'content-type': 'text/plain' },
        payload: 'image/png',
      });
      expect(text.statusCode).toBe(415);
    });
  });
});
