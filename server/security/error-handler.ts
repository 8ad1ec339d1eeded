import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-body';

/** What a client learns about a 5xx: that it happened, never how. */
export const internalErrorMessage =
  'Perch hit an unexpected error. The details are in the server log.';

function statusOf(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 500;
  if ('validation' in error && error.validation !== undefined) return 400;
  const status = 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599
    ? status
    : 500;
}

/**
 * The central error handler: 4xx keep their message (it is about the request), 5xx are
 * logged in full and answered with a generic message, so stack traces, file paths and
 * upstream details never reach a client.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const status = statusOf(error);
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    void reply.code(status).send(errorBody(status, internalErrorMessage));
    return;
  }
  const message = error instanceof Error && error.message !== '' ? error.message : 'Bad request';
  void reply.code(status).send(errorBody(status, message));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
}
