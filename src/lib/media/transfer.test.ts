import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '@/lib/api/errors';
import type { PerchPresignedUpload } from '@/lib/perch/upload';
import { createTransfer, type TransferDeps } from './transfer';

function presigned(n: number): PerchPresignedUpload {
  return {
    mediaUrl: `https://media.example/workspaces/w/channels/c/media/m${n}`,
    uploadUrl: 'https://upload.example/bucket',
    uploadMethod: 'POST',
    uploadFormData: {
      key: `k${n}`,
      'Content-Type': 'image/png',
      policy: 'p',
      'x-amz-algorithm': 'AWS4-HMAC-SHA256',
      'x-amz-credential': 'c',
      'x-amz-date': 'd',
      'x-amz-signature': 's',
    },
    perchUploadPath: '/upload/abcdefghijklmnopqrstuv',
  };
}

const forbidden = (path: string) =>
  new ApiError({ status: 403, code: 'AccessDenied', message: 'Policy expired', path });

function setup(uploadResults: (Error | undefined)[], presignError?: Error) {
  let presigns = 0;
  const deps: TransferDeps = {
    presign: vi.fn(() => {
      presigns += 1;
      return presignError ? Promise.reject(presignError) : Promise.resolve(presigned(presigns));
    }),
    upload: vi.fn(() => {
      const result = uploadResults.shift();
      return result ? Promise.reject(result) : Promise.resolve();
    }),
  };
  const onAttempt = vi.fn();
  const run = (signal = new AbortController().signal) =>
    createTransfer(deps)({
      file: new Blob(['x']),
      contentType: 'image/png',
      channelId: null,
      filename: 'x.png',
      onProgress: () => undefined,
      onAttempt,
      signal,
    });
  return { deps, onAttempt, run };
}

describe('createTransfer', () => {
  it('presigns with the content type, uploads with the safe name, and returns the media URL', async () => {
    const { deps, run, onAttempt } = setup([undefined]);
    await expect(run()).resolves.toEqual({ mediaUrl: presigned(1).mediaUrl, attempts: 1 });
    expect(deps.presign).toHaveBeenCalledWith(
      { contentType: 'image/png', channelId: null },
      expect.any(AbortSignal),
    );
    expect(deps.upload).toHaveBeenCalledWith(presigned(1), expect.any(Blob), {
      filename: 'x.png',
      onProgress: expect.any(Function) as unknown,
      signal: expect.any(AbortSignal) as unknown,
    });
    expect(onAttempt.mock.calls).toEqual([[1]]);
  });

  it('presigns again once after a 403 on upload, and answers with the new media URL', async () => {
    const { deps, run, onAttempt } = setup([forbidden('/upload/a'), undefined]);
    await expect(run()).resolves.toEqual({ mediaUrl: presigned(2).mediaUrl, attempts: 2 });
    expect(deps.presign).toHaveBeenCalledTimes(2);
    expect(onAttempt.mock.calls).toEqual([[1], [2]]);
  });

  it('gives up after the second 403', async () => {
    const second = forbidden('/upload/b');
    const { deps, run } = setup([forbidden('/upload/a'), second]);
    await expect(run()).rejects.toBe(second);
    expect(deps.presign).toHaveBeenCalledTimes(2);
  });

  it('does not presign again for other failures', async () => {
    const failure = new NetworkError('/upload/a');
    const { deps, run } = setup([failure]);
    await expect(run()).rejects.toBe(failure);
    expect(deps.presign).toHaveBeenCalledTimes(1);
  });

  it('does not repeat a presign that was itself refused', async () => {
    const refused = forbidden('/api/workspaces/w/channel-media/presigned-upload');
    const { deps, run } = setup([], refused);
    await expect(run()).rejects.toBe(refused);
    expect(deps.presign).toHaveBeenCalledTimes(1);
    expect(deps.upload).not.toHaveBeenCalled();
  });

  it('does not presign again when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { deps, run } = setup([forbidden('/upload/a')]);
    await expect(run(controller.signal)).rejects.toBeInstanceOf(ApiError);
    expect(deps.presign).toHaveBeenCalledTimes(1);
  });
});
