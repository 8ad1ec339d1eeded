import { describe, expect, it } from 'vitest';
import { presignRequestSchema, presignedUploadSchema } from './presigned-upload';
import { parseWithDetails } from './validation-details';

const UUID = '3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b';

describe('presigned upload (E9)', () => {
  it('requires a MIME type and nothing else', () => {
    expect(parseWithDetails(presignRequestSchema, { contentType: 'image/png' }).ok).toBe(true);
    expect(parseWithDetails(presignRequestSchema, { contentType: 'png', size: 3 })).toEqual({
      ok: false,
      details: {
        '.contentType': ['must be a MIME type like image/png'],
        '.size': ['property "size" is unsupported'],
      },
    });
    expect(parseWithDetails(presignRequestSchema, {})).toEqual({
      ok: false,
      details: { '.contentType': ['required'] },
    });
  });

  it('reads the answer, keeping extra form fields', () => {
    const upload = {
      mediaUrl: `https://media.api.bird.com/workspaces/${UUID}/channels/${UUID}/media/${UUID}`,
      uploadUrl: 'http://127.0.0.1:8080/sandbox/_upload',
      uploadMethod: 'POST',
      uploadFormData: {
        key: 'k',
        'Content-Type': 'image/png',
        policy: 'cG9saWN5',
        'x-amz-algorithm': 'AWS4-HMAC-SHA256',
        'x-amz-credential': 'c',
        'x-amz-date': '20261127T150405Z',
        'x-amz-signature': 's',
        'x-amz-meta-extra': 'e',
      },
    };
    expect(presignedUploadSchema.parse(upload)).toEqual(upload);
    expect(presignedUploadSchema.safeParse({ ...upload, uploadMethod: 'PUT' }).success).toBe(false);
  });
});
