import { ApiError } from '@/lib/api/errors';
import type { UploadProgress } from '@/lib/api/uploads';
import type { PerchPresignedUpload } from '@/lib/perch/upload';

/**
 * One file's way up: presign (E9) with the sniffed content type, then the form (E10) through
 * Perch's `/upload/…` relay. A 403 from the upload means the policy expired or was refused;
 * the file is presigned again and sent once more, automatically, and only once.
 */

export interface TransferDeps {
  /** E9 for `channelId`, or the channel-less alias for `null`. */
  presign: (
    target: { contentType: string; channelId: string | null },
    signal: AbortSignal,
  ) => Promise<PerchPresignedUpload>;
  upload: (
    presigned: PerchPresignedUpload,
    file: Blob,
    options: {
      filename: string;
      onProgress: (progress: UploadProgress) => void;
      signal: AbortSignal;
    },
  ) => Promise<void>;
}

export interface TransferRequest {
  file: Blob;
  contentType: string;
  /** The channel to presign for; `null` for the channel-media alias. */
  channelId: string | null;
  /** The safe display name, sent as the form's filename. */
  filename: string;
  onProgress: (progress: UploadProgress) => void;
  /** Called before each upload attempt; `attempt` 2 is the automatic one after a 403. */
  onAttempt?: (attempt: number) => void;
  signal: AbortSignal;
}

export interface TransferResult {
  mediaUrl: string;
  /** 1, or 2 when the first upload was refused with 403 and presigned again. */
  attempts: number;
}

/** True for the upload's 403: the policy expired, or its signature was refused. */
export function isRefusedPolicy(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export type Transfer = (request: TransferRequest) => Promise<TransferResult>;

export function createTransfer(deps: TransferDeps): Transfer {
  return async ({ file, contentType, channelId, filename, onProgress, onAttempt, signal }) => {
    const send = async (presigned: PerchPresignedUpload, attempt: number) => {
      onAttempt?.(attempt);
      await deps.upload(presigned, file, { filename, onProgress, signal });
      return { mediaUrl: presigned.mediaUrl, attempts: attempt };
    };
    const first = await deps.presign({ contentType, channelId }, signal);
    try {
      return await send(first, 1);
    } catch (error) {
      // Only the upload's 403 is worth a new presign; a 403 from presign itself (a read-only
      // key) would only be refused again.
      if (signal.aborted || !isRefusedPolicy(error)) throw error;
    }
    return send(await deps.presign({ contentType, channelId }, signal), 2);
  };
}
