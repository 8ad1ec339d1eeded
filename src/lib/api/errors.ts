import { birdErrorSchema } from '@/lib/bird/common';
import { ERROR_CODE_BY_STATUS, type ErrorStatus } from '@/lib/bird/decisions';

/**
 * The errors the typed fetch layer throws. Every failed request ends in exactly one of:
 *
 * - `ApiError`: the server answered with a non-2xx status (Bird's error body when present).
 * - `NetworkError`: no answer at all (offline, connection refused, DNS, CORS).
 * - `TimeoutError`: no answer within the client's time limit.
 * - `ResponseShapeError`: a 2xx answer whose body does not match the shared schema.
 *
 * A request cancelled through its own `AbortSignal` rethrows the signal's reason instead,
 * so TanStack Query can recognise the cancellation.
 */

export type RequestErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response';

/** Field errors keyed by a JSON path into the request (`.receiver.contacts[0].identifierValue`). */
export type ErrorDetails = Record<string, string[]>;

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetails | undefined;
  /** Seconds to wait before retrying, from `Retry-After`. */
  retryAfter?: number | undefined;
  /** The request path (relative to the app's origin), e.g. `/api/workspaces/…/channels`. */
  path: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind = 'http' as const;
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails | undefined;
  readonly retryAfter: number | undefined;
  readonly path: string;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfter = init.retryAfter;
    this.path = init.path;
  }
}

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly kind = 'network' as const;
  readonly path: string;

  constructor(path: string, options?: { cause?: unknown }) {
    super('The Perch server could not be reached. Check that it is running.', options);
    this.path = path;
  }
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly kind = 'timeout' as const;
  readonly path: string;
  readonly timeoutMs: number;

  constructor(path: string, timeoutMs: number) {
    super(`No answer within ${Math.round(timeoutMs / 1000)} seconds.`);
    this.path = path;
    this.timeoutMs = timeoutMs;
  }
}

export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
  readonly kind = 'invalid-response' as const;
  readonly path: string;
  readonly status: number;
  /** Short descriptions of what did not match, e.g. `results.0.status: Invalid option`. */
  readonly issues: string[];

  constructor(path: string, status: number, issues: string[]) {
    super('The server answered with data Perch does not understand.');
    this.path = path;
    this.status = status;
    this.issues = issues;
  }
}

export type RequestError = ApiError | NetworkError | TimeoutError | ResponseShapeError;

export function isRequestError(error: unknown): error is RequestError {
  return (
    error instanceof ApiError ||
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof ResponseShapeError
  );
}

/** What an operator reads for an error answer that carries no Bird error body. */
const GENERIC_MESSAGES: Readonly<Record<number, string>> = {
  400: 'The request was malformed.',
  401: 'Not connected, or the access key was not accepted.',
  403: 'The access key is not allowed to do this.',
  404: 'Not found.',
  409: 'The request conflicts with the current state.',
  413: 'The request is too large.',
  415: 'The request has an unsupported content type.',
  422: 'Some fields of the request are invalid.',
  429: 'Too many requests. Try again shortly.',
  502: 'Bird could not be reached.',
  503: 'The service is unavailable. Try again shortly.',
  504: 'Bird did not answer in time.',
};

const GATEWAY_CODES: Readonly<Record<number, string>> = {
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

function isErrorStatus(status: number): status is ErrorStatus {
  return status in ERROR_CODE_BY_STATUS;
}

/** The code and message used when an error response has no Bird error body. */
export function genericError(status: number): { code: string; message: string } {
  const code = isErrorStatus(status)
    ? ERROR_CODE_BY_STATUS[status]
    : (GATEWAY_CODES[status] ?? (status >= 500 ? 'ServerError' : 'HttpError'));
  const message =
    GENERIC_MESSAGES[status] ??
    (status >= 500 ? `The server failed (${status}).` : `The request failed (${status}).`);
  return { code, message };
}

/** `Retry-After` in seconds: delta-seconds, or an HTTP date measured from `now` (ms). */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Builds an `ApiError` from a parsed (or absent) error body. Bird's body is
 * `{ code, message, details? }` (the shared `birdErrorSchema`); anything else falls back to
 * a generic message per status.
 */
export function apiErrorFromBody(
  status: number,
  body: unknown,
  path: string,
  retryAfter?: number,
): ApiError {
  const parsed = birdErrorSchema.safeParse(body);
  if (parsed.success && parsed.data.message.trim() !== '') {
    const { code, message, details } = parsed.data;
    return new ApiError({ status, code, message, details, retryAfter, path });
  }
  return new ApiError({ status, ...genericError(status), retryAfter, path });
}

/** Reads a non-2xx `Response` into an `ApiError`. Never throws. */
export async function apiErrorFromResponse(response: Response, path: string): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown = undefined;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
  }
  return apiErrorFromBody(response.status, body, path, retryAfter);
}

/**
 * True when a call through Perch's pass-through (`/api`, `/media`, `/upload`) answered 401:
 * the session is gone (never connected, expired, disconnected elsewhere, or the key was
 * revoked). `/session` itself answers 401 for a wrong key while connecting, which is not
 * a lost session.
 */
export function isSessionLost(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 401 && /^\/(api|media|upload)\//.test(error.path)
  );
}

/** True for failures worth retrying automatically on reads. */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  if (error instanceof ApiError) return error.status === 429 || error.status >= 500;
  return false;
}
