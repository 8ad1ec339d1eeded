import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PERCH_UPLOAD_PATH_FIELD } from '../../src/lib/perch/upload';
import { MAX_JSON_BODY_BYTES, readRequestBody } from './body';
import { type ConnectionsContext, upstreamName } from './context';
import { PerchHttpError } from './errors';
import { refuseRedirect, relayAnswer } from './relay';
import { resolveTargetOnRequest } from './resolve-target';
import { assertSameOriginWrite } from './same-origin';
import type { Session } from './session-store';
import {
  callUpstream,
  clientResponseHeaders,
  discard,
  readSmallBody,
  type UpstreamAnswer,
  upstreamRequestHeaders,
} from './upstream';

/** A presigned-upload answer is a few kilobytes of JSON. */
const MAX_PRESIGN_ANSWER_BYTES = 64 * 1024;

/** A plausible, absolute upload target for this session, else undefined. */
function acceptableUploadUrl(session: Session, value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const schemeOk =
    url.protocol === 'https:' || (url.protocol === 'http:' && session.upstream.allowHttpUploads);
  if (!schemeOk || url.username !== '' || url.password !== '' || url.hash !== '') return undefined;
  const prefix = session.upstream.uploadUrlPrefix;
  if (prefix !== undefined && !url.href.startsWith(prefix)) return undefined;
  return url;
}

/**
 * E9 answered 200: remember its `uploadUrl` for this session and add `perchUploadPath`
 * (see src/lib/perch/upload.ts). Everything else in the answer is left as it was.
 */
async function relayPresignAnswer(
  context: ConnectionsContext,
  session: Session,
  reply: FastifyReply,
  answer: UpstreamAnswer,
): Promise<FastifyReply> {
  const unusable = new PerchHttpError(
    502,
    'BadGateway',
    `${upstreamName(session)} answered the presigned upload without a usable uploadUrl`,
  );
  const encoding = answer.headers['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity') {
    discard(answer);
    throw unusable;
  }
  const raw = await readSmallBody(answer.body, MAX_PRESIGN_ANSWER_BYTES);
  let parsed: unknown;
  try {
    parsed = raw === undefined ? undefined : JSON.parse(raw.toString('utf8'));
  } catch {
    throw unusable;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw unusable;
  const presign = parsed as Record<string, unknown>;
  const uploadUrl = acceptableUploadUrl(session, presign.uploadUrl);
  if (uploadUrl === undefined) throw unusable;
  const token = session.issueUploadTarget(uploadUrl, context.store.now());
  const headers = clientResponseHeaders(answer.headers);
  delete headers['content-length'];
  return reply
    .code(200)
    .headers(headers)
    .header('x-content-type-options', 'nosniff')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ ...presign, [PERCH_UPLOAD_PATH_FIELD]: `/upload/${token}` }));
}

/**
 * `/api/*` → the session's upstream, for E1–E9 only. Checks run in `onRequest`, before the
 * body is read: origin (403), session (401), then the raw path (400/404).
 */
export function apiRoutes(context: ConnectionsContext) {
  return (app: FastifyInstance, _options: unknown, done: (error?: Error) => void): void => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', (request, payload, done) => {
      readRequestBody(payload, request.headers, MAX_JSON_BODY_BYTES, context.bodyReadTimeoutMs)
        .then((buffer) => {
          done(null, buffer);
        })
        .catch((error: unknown) => {
          done(error instanceof Error ? error : new Error('unreadable body'));
        });
    });

    const resolvedFor = resolveTargetOnRequest(app, context, '/api', (request) => {
      assertSameOriginWrite(request, 'application/json');
    });

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const { session, target } = resolvedFor(request);
      const body = Buffer.isBuffer(request.body) ? request.body : undefined;
      const answer = await callUpstream(context.agent, context.timeouts, {
        url: new URL(session.upstream.apiBase + target.path + target.search),
        method: target.method,
        headers: upstreamRequestHeaders(request.headers, {
          authorization: session.authorization(),
        }),
        ...(body === undefined ? {} : { body }),
        upstreamName: upstreamName(session),
      });
      refuseRedirect(answer, upstreamName(session));
      if (target.endpoint === 'E9' && answer.statusCode === 200) {
        return relayPresignAnswer(context, session, reply, answer);
      }
      return relayAnswer(request, reply, answer);
    };

    app.all('/api', handler);
    app.all('/api/*', handler);
    done();
  };
}
