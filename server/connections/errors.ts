import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PerchErrorBody } from '../../src/lib/perch/session';

/**
 * An answer of Perch's own making on `/session`, `/api`, `/media`, `/upload`: a status and a
 * Bird-shaped body `{ code, message }`. Messages are written here, never copied from input,
 * so no client value (let alone an access key) is echoed or logged through them.
 */
export class PerchHttpError extends Error {
  override readonly name = 'PerchHttpError';
  readonly statusCode: number;
  readonly code: string;
  readonly details: Record<string, string[]> | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    statusCode: number,
    code: string,
    message: string,
    extra: { details?: Record<string, string[]>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = extra.details;
    this.headers = extra.headers ?? {};
  }

  body(): PerchErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const notConnected = (): PerchHttpError =>
  new PerchHttpError(401, 'Unauthorized', 'Not connected');

export const notFound = (): PerchHttpError =>
  new PerchHttpError(404, 'NotFound', 'The requested resource was not found');

const codeByStatus: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  408: 'RequestTimeout',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'InvalidPayload',
  429: 'TooManyRequests',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

const messageByStatus: Readonly<Record<number, string>> = {
  400: 'The request could not be understood',
  413: 'The request body is too large',
  415: 'The request body has an unsupported content type',
};

function statusOf(error: unknown): number {
  const status =
    typeof error === 'object' && error !== null && 'statusCode' in error
      ? error.statusCode
      : undefined;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599
    ? status
    : 500;
}

/**
 * The error handler of the connections plugin. Its own errors keep their message; Fastify's
 * 4xx (body parsing, bad URLs) get a fixed message per status, since theirs can quote the
 * input; anything else is a 500 whose details go to the log only.
 */
export function handleConnectionsError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof PerchHttpError) {
    if (error.statusCode === 408 || error.statusCode === 413)
      void reply.header('connection', 'close');
    return reply.code(error.statusCode).headers(error.headers).send(error.body());
  }
  const status = statusOf(error);
  if (status >= 500) {
    request.log.error({ err: error }, 'connections: request failed');
    return reply.code(500).send({
      code: 'InternalError',
      message: 'Perch hit an unexpected error; see the server log',
    });
  }
  return reply.code(status).send({
    code: codeByStatus[status] ?? 'BadRequest',
    message: messageByStatus[status] ?? 'The request could not be understood',
  });
}
