import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from '../../src/lib/zod';
import {
  CONNECT_ERROR_CODES as codes,
  type CreateSessionRequest,
  createSessionRequestSchema,
  type SessionInfo,
} from '../../src/lib/perch/session';
import { readRequestBody } from './body';
import { birdUpstream, type ConnectionsContext, sandboxUpstream, sessionInfo } from './context';
import { PerchHttpError } from './errors';
import { assertSameOriginWrite } from './same-origin';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';
import type { SessionInit } from './session-store';
import { callUpstream, clientResponseHeaders, discard, upstreamRequestHeaders } from './upstream';

/** A connect request is a few hundred bytes; anything near this is not one. */
const MAX_SESSION_BODY_BYTES = 16 * 1024;

/** Zod issues as Bird's `details`: `.path.to.field` → messages (never the input itself). */
function detailsOf(error: z.core.$ZodError): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path
      .map((part) => (typeof part === 'number' ? `[${String(part)}]` : `.${String(part)}`))
      .join('');
    (details[key === '' ? '.' : key] ??= []).push(issue.message);
  }
  return details;
}

function parseConnectRequest(body: unknown): CreateSessionRequest {
  const parsed = createSessionRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new PerchHttpError(
      422,
      codes.invalidPayload,
      'One or more fields provided in the request body are malformed',
      { details: detailsOf(parsed.error) },
    );
  }
  return parsed.data;
}

/** Where the new session will go and with which key; 503 when sandbox mode is unavailable. */
function resolveTarget(
  context: ConnectionsContext,
  connect: CreateSessionRequest,
  host: string,
): SessionInit {
  if (connect.mode === 'bird') {
    return {
      mode: 'bird',
      workspaceId: connect.workspaceId,
      accessKey: connect.accessKey,
      upstream: birdUpstream(context.bird),
      host,
    };
  }
  const base = context.sandboxBase();
  if (context.sandbox === undefined || base === undefined) {
    throw new PerchHttpError(503, codes.unavailable, 'This Perch server runs no sandbox');
  }
  return {
    mode: 'sandbox',
    workspaceId: context.sandbox.workspaceId,
    accessKey: context.sandbox.accessKey,
    upstream: sandboxUpstream(base),
    host,
  };
}

/**
 * Checks the key by listing one channel of the workspace (E1, `limit=1`) and says plainly what
 * went wrong when that fails.
 */
async function checkAccess(context: ConnectionsContext, init: SessionInit): Promise<void> {
  const who = init.mode === 'sandbox' ? 'The sandbox' : 'Bird';
  const url = new URL(`${init.upstream.apiBase}/workspaces/${init.workspaceId}/channels?limit=1`);
  const answer = await callUpstream(context.agent, context.timeouts, {
    url,
    method: 'GET',
    headers: upstreamRequestHeaders(
      {},
      { accept: 'application/json', authorization: `AccessKey ${init.accessKey}` },
    ),
    upstreamName: who,
  });
  discard(answer);
  const status = answer.statusCode;
  if (status >= 200 && status < 300) return;
  const failures: Record<number, [string, string]> = {
    401: [codes.unauthorized, `${who} did not accept this access key`],
    403: [codes.forbidden, `This access key has no access to workspace ${init.workspaceId}`],
    404: [codes.notFound, `${who} knows no workspace ${init.workspaceId}`],
    429: [codes.tooManyRequests, `${who} is rate limiting this access key; try again shortly`],
  };
  const [code, message] = failures[status] ?? [
    codes.badGateway,
    status >= 300 && status < 400
      ? `${who} answered with a redirect, which Perch does not follow`
      : `${who} answered the key check with status ${String(status)}`,
  ];
  const retryAfter = clientResponseHeaders(answer.headers)['retry-after'];
  throw new PerchHttpError(failures[status] === undefined ? 502 : status, code, message, {
    headers: status === 429 && retryAfter !== undefined ? { 'retry-after': retryAfter } : {},
  });
}

export function sessionRoutes(context: ConnectionsContext) {
  return (app: FastifyInstance, _options: unknown, done: (error?: Error) => void): void => {
    const { store } = context;

    // Only JSON, read by us: a parser's error message could quote the body (and the key).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', (request, payload, done) => {
      readRequestBody(payload, request.headers, MAX_SESSION_BODY_BYTES, context.bodyReadTimeoutMs)
        .then((buffer) => {
          try {
            done(null, JSON.parse(buffer.toString('utf8')) as unknown);
          } catch {
            done(new PerchHttpError(400, codes.badRequest, 'The request body is not valid JSON'));
          }
        })
        .catch((error: unknown) => {
          done(error instanceof Error ? error : new Error('unreadable body'));
        });
    });
    app.addHook('onRequest', (request, _reply, next) => {
      try {
        assertSameOriginWrite(request, 'application/json');
        next();
      } catch (error) {
        next(error instanceof Error ? error : new Error(String(error)));
      }
    });
    app.addHook('onSend', (_request, reply, payload, next) => {
      void reply.header('cache-control', 'no-store');
      next(null, payload);
    });

    app.get('/session', async (request: FastifyRequest, reply: FastifyReply) => {
      const id = readSessionCookie(request);
      const session = store.find(id, request.headers.host);
      if (session === undefined) {
        if (id !== undefined) clearSessionCookie(reply, request);
        return { connected: false } satisfies SessionInfo;
      }
      return sessionInfo(store, session);
    });

    app.post('/session', async (request: FastifyRequest, reply: FastifyReply) => {
      const connect = parseConnectRequest(request.body);
      const init = resolveTarget(context, connect, request.headers.host ?? '');
      await checkAccess(context, init);
      const previous = readSessionCookie(request);
      if (previous !== undefined) store.delete(previous);
      const session = store.create(init);
      setSessionCookie(reply, request, session.id);
      request.log.info({ mode: session.mode, workspaceId: session.workspaceId }, 'connected');
      return sessionInfo(store, session);
    });

    app.delete('/session', async (request: FastifyRequest, reply: FastifyReply) => {
      const id = readSessionCookie(request);
      if (id !== undefined) store.delete(id);
      clearSessionCookie(reply, request);
      return reply.code(204).send();
    });
    done();
  };
}
