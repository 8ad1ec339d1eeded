import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '@/lib/api/errors';
import { describeUploadError } from './upload-error';

const api = (status: number, path: string, code = 'X', message = 'Why') =>
  new ApiError({ status, code, message, path });

describe('describeUploadError', () => {
  it('tells a refused key from a refused form', () => {
    expect(describeUploadError(api(403, '/api/workspaces/w/channel-media/presigned-upload'))).toBe(
      'The access key may not upload media: Why',
    );
    expect(describeUploadError(api(403, '/upload/abc', 'AccessDenied', 'Policy expired'))).toBe(
      'The upload was refused twice (expired or rejected form): Policy expired',
    );
  });

  it('explains a lost session, an unknown upload target and a file too large', () => {
    expect(describeUploadError(api(401, '/upload/abc'))).toMatch(/^Not connected/);
    expect(describeUploadError(api(404, '/upload/abc'))).toBe(
      'Perch no longer knows this upload. Retry to presign it again.',
    );
    expect(describeUploadError(api(400, '/upload/abc', 'EntityTooLarge', 'Too big'))).toBe(
      'The file is too large: Too big',
    );
  });

  it('names the step for other answers, and the network when there was none', () => {
    expect(describeUploadError(api(502, '/upload/abc', 'BadGateway', 'Down'))).toBe(
      'Upload failed (502): Down',
    );
    expect(describeUploadError(api(404, '/api/workspaces/w/channels/c/presigned-upload'))).toBe(
      'Presign failed (404): Why',
    );
    expect(describeUploadError(new NetworkError('/upload/abc'))).toBe(
      'The upload was interrupted: the Perch server could not be reached.',
    );
    expect(describeUploadError('??')).toBe('The upload failed.');
  });
});
