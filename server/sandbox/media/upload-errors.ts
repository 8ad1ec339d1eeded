import { BirdError, type ErrorStatus } from '../http/errors';

/**
 * The upload form (E10) emulates an S3 POST upload, so where S3 has a specific error code the
 * sandbox uses it (`AccessDenied`, `EntityTooLarge`, `EntityTooSmall`), in Bird's JSON error
 * shape `{ code, message }` rather than S3's XML. Everything else uses the contract's codes.
 */
export const UPLOAD_ERROR_CODES = {
  accessDenied: 'AccessDenied',
  entityTooLarge: 'EntityTooLarge',
  entityTooSmall: 'EntityTooSmall',
} as const;

export class UploadError extends BirdError {
  override readonly code: string;

  constructor(
    statusCode: ErrorStatus,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(statusCode, message, { headers });
    this.name = 'UploadError';
    this.code = code;
  }
}

/** 403: the signature, the policy or its expiry does not allow this upload. */
export const accessDenied = (message: string): UploadError =>
  new UploadError(403, UPLOAD_ERROR_CODES.accessDenied, message);

/** 400 `EntityTooLarge`; `headers` e.g. `connection: close` when the body is left unread. */
export const entityTooLarge = (maxBytes: number, headers?: Record<string, string>): UploadError =>
  new UploadError(
    400,
    UPLOAD_ERROR_CODES.entityTooLarge,
    `Your proposed upload exceeds the maximum allowed size of ${maxBytes} bytes`,
    headers,
  );

export const entityTooSmall = (minBytes: number): UploadError =>
  new UploadError(
    400,
    UPLOAD_ERROR_CODES.entityTooSmall,
    `Your proposed upload is smaller than the minimum allowed size of ${minBytes} byte${minBytes === 1 ? '' : 's'}`,
  );

/** 400 for a malformed form (no file, a field after the file, a duplicate field...). */
export const malformedForm = (message: string): BirdError => new BirdError(400, message);
