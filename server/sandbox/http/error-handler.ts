import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';
import { BirdError, toErrorStatus, type ErrorStatus } from './errors';

/** Fastify's own client errors, mapped to the contract's statuses and plain messages. */
const fastifyErrors: Record<string, [ErrorStatus, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'The request body is larger than 1 MiB'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'The request body must be JSON (Content-Type: application/json)',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'Content-Length does not match the body'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'The request body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'The request body is not valid JSON'],
  FST_ERR_BAD_URL: [400, 'The URL is malformed'],
  FST_ERR_MAX_PARAM_LENGTH: [404, 'The requested resource does not exist'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'The request could not be routed'],
  FST_ERR_VALIDATION: [400, 'The request could not be understood'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Turns anything thrown while serving a sandbox request into a `BirdError`. */
export function toBirdError(error: unknown): BirdError {
  if (error instanceof BirdError) return error;
  if (!isRecord(error)) return new BirdError(500);
  const code = typeof error.code === 'string' ? error.code : '';
  const known = fastifyErrors[code];
  if (known !== undefined) return new BirdError(known[0], known[1]);
  if (error instanceof SyntaxError) return new BirdError(400, 'The request body is not valid JSON');
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const message =
      typeof error.message === 'string' && error.message !== '' ? error.message : undefined;
    return new BirdError(toErrorStatus(status), message);
  }
  return new BirdError(500);
}

export function sendBirdError(reply: FastifyReply, error: BirdError): FastifyReply {
  return reply
    .code(error.statusCode)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send(error.toBody());
}

/** The plugin's error handler: Bird bodies always, 5xx internals logged and hidden. */
export function birdErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const birdError = toBirdError(error);
  if (birdError.statusCode >= 500) request.log.error({ err: error }, 'sandbox request failed');
  return sendBirdError(reply, birdError);
}

/**
 * For Fastify's `frameworkErrors` option: errors raised by the router before any plugin sees
 * the request (a malformed percent-encoding, an over-long path parameter). Whoever creates the
 * Fastify instance that carries the sandbox passes this, so those answers are Bird bodies too.
 */
export function birdFrameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendBirdError(reply, toBirdError(error));
}

const clientErrorStatus: Readonly<Record<string, [number, string, string]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request headers are too large',
  ],
};

/**
 * For Fastify's `clientErrorHandler` option: requests Node's HTTP parser refuses (a body
 * after `Connection: close`, a broken header) are answered with a Bird error body, then the
 * connection is closed, as Fastify's default does.
 */
export function birdClientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] = clientErrorStatus[error.code ?? ''] ?? [
    400,
    'Bad Request',
    'The request is not valid HTTP',
  ];
  const body = JSON.stringify({
    code: status === 400 ? 'BadRequest' : reason.replace(/ /g, ''),
    message,
  });
  // Node's own rule: answer only when no response has started on this socket.
  const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && pending?.headersSent !== true) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
