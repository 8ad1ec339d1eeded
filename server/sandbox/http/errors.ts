import type { ValidationDetails } from '../../../src/lib/bird/common';
import {
  DEFAULT_ERROR_MESSAGE,
  ERROR_CODE_BY_STATUS,
  type ErrorStatus as ContractStatus,
} from '../../../src/lib/bird/decisions';

/**
 * Bird's error body with the contract's codes (§1 "Error body"). Every error the sandbox
 * answers goes through `BirdError`, so the body is always `{ code, message, details? }`.
 */

export type ErrorStatus = ContractStatus | 500;

export interface BirdErrorBody {
  code: string;
  message: string;
  details?: ValidationDetails;
}

function codeFor(status: ErrorStatus): string {
  return status === 500 ? 'InternalError' : ERROR_CODE_BY_STATUS[status];
}

function defaultMessage(status: ErrorStatus): string {
  return status === 500
    ? 'Something went wrong on our side'
    : DEFAULT_ERROR_MESSAGE[codeFor(status) as keyof typeof DEFAULT_ERROR_MESSAGE];
}

export class BirdError extends Error {
  readonly statusCode: ErrorStatus;
  readonly code: string;
  readonly details: ValidationDetails | undefined;
  /** Extra response headers, e.g. `retry-after`. */
  readonly headers: Record<string, string>;

  constructor(
    statusCode: ErrorStatus,
    message: string = defaultMessage(statusCode),
    options: { details?: ValidationDetails; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'BirdError';
    this.statusCode = statusCode;
    this.code = codeFor(statusCode);
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  toBody(): BirdErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const badRequest = (message?: string): BirdError => new BirdError(400, message);
export const notFound = (message?: string): BirdError => new BirdError(404, message);
export const conflict = (message?: string): BirdError => new BirdError(409, message);

export const invalidPayload = (details: ValidationDetails, message?: string): BirdError =>
  new BirdError(422, message, { details });

/** The closest contract status for any HTTP error status (other libraries' errors). */
export function toErrorStatus(status: number): ErrorStatus {
  if (status in ERROR_CODE_BY_STATUS) return status as ContractStatus;
  if (status >= 400 && status < 500) return 400;
  return 500;
}
