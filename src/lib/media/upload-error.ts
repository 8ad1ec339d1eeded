import { ApiError, NetworkError, ResponseShapeError, TimeoutError } from '@/lib/api/errors';
import { UPLOAD_TOO_LARGE_CODE } from '@/lib/bird/decisions';

/**
 * What an operator reads when an upload fails, after the automatic second presign (a 403 at
 * this point was refused twice). Says what happened and what Retry will do.
 */
export function describeUploadError(error: unknown): string {
  if (error instanceof ApiError) {
    const fromPresign = error.path.startsWith('/api/');
    if (error.status === 401) return 'Not connected any more. Connect again, then retry.';
    if (error.status === 403) {
      return fromPresign
        ? `The access key may not upload media: ${error.message}`
        : `The upload was refused twice (expired or rejected form): ${error.message}`;
    }
    if (error.status === 404 && !fromPresign) {
      return 'Perch no longer knows this upload. Retry to presign it again.';
    }
    if (error.code === UPLOAD_TOO_LARGE_CODE) return `The file is too large: ${error.message}`;
    if (error.status === 429) return 'Too many requests. Wait a moment, then retry.';
    return `${fromPresign ? 'Presign' : 'Upload'} failed (${error.status}): ${error.message}`;
  }
  if (error instanceof NetworkError) {
    return 'The upload was interrupted: the Perch server could not be reached.';
  }
  if (error instanceof TimeoutError || error instanceof ResponseShapeError) return error.message;
  return error instanceof Error && error.message !== '' ? error.message : 'The upload failed.';
}
