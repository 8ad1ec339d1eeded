import type { FastifyReply, FastifyRequest } from 'fastify';
import { PerchHttpError } from './errors';
import { clientResponseHeaders, discard, type UpstreamAnswer } from './upstream';

/** The redirect rule shared by /api, /media and /upload: never followed, never passed on. */
export function refuseRedirect(answer: UpstreamAnswer, who: string): void {
  if (answer.statusCode >= 300 && answer.statusCode < 400) {
    discard(answer);
    throw new PerchHttpError(
      502,
      'BadGateway',
      `${who} answered with a redirect, which Perch does not follow`,
    );
  }
}

/**
 * Sends an upstream answer to the browser: status, allowed headers and the streamed body,
 * or for a HEAD request (answered from an upstream GET) the same without the body.
 */
export function relayAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: UpstreamAnswer,
): FastifyReply {
  void reply
    .code(answer.statusCode)
    .headers(clientResponseHeaders(answer.headers))
    .header('x-content-type-options', 'nosniff');
  // Answered before the client finished sending: this connection cannot be reused.
  if (!request.raw.complete) void reply.header('connection', 'close');
  if (request.method === 'HEAD') {
    discard(answer);
    return reply.send();
  }
  if (answer.statusCode === 204 || answer.statusCode === 304) {
    answer.body.resume(); // bodiless by definition
    return reply.send();
  }
  return reply.send(answer.body);
}
