import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_UPLOAD_FORM_BYTES } from '../../src/lib/perch/upload';
import { refuseRedirect, relayAnswer } from './relay';
import { ByteLimit, declaredLength, tooLarge } from './body';
import { type ConnectionsContext, requireSession } from './context';
import { notFound } from './errors';
import { assertSameOriginWrite } from './same-origin';
import { callUpstream, upstreamRequestHeaders } from './upstream';

/** `/upload/` and a token of 16 random bytes, base64url; no query, nothing else. */
const UPLOAD_PATH = /^\/upload\/([A-Za-z0-9_-]{22})$/;

/**
 * `POST /upload/{token}` → the `uploadUrl` behind the token, which the upstream issued to
 * this session within the hour (see src/lib/perch/upload.ts). The multipart form streams
 * through unread and unbuffered, without Authorization; at most 100 MiB plus form fields.
 */
export function uploadRoutes(context: ConnectionsContext) {
  return (app: FastifyInstance, _options: unknown, done: (error?: Error) => void): void => {
    const targets = new WeakMap<FastifyRequest, URL>();

    // The form is never parsed here: the body stays a stream for the relay.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('multipart/form-data', (_request, payload, done) => {
      done(null, payload);
    });

    app.addHook('onRequest', async (request, reply) => {
      assertSameOriginWrite(request, 'multipart/form-data');
      const session = requireSession(context, request, reply);
      const token = UPLOAD_PATH.exec(request.raw.url ?? '')?.[1];
      const target =
        token === undefined || request.method !== 'POST'
          ? undefined
          : session.uploadTarget(token, context.store.now());
      if (target === undefined) throw notFound();
      const length = declaredLength(request.headers);
      if (length !== undefined && length > MAX_UPLOAD_FORM_BYTES) {
        throw tooLarge(MAX_UPLOAD_FORM_BYTES);
      }
      targets.set(request, target);
    });

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const target = targets.get(request);
      if (target === undefined || request.body === undefined) throw notFound();
      const limited = new ByteLimit(MAX_UPLOAD_FORM_BYTES);
      pipeline(request.body as Readable, limited, () => undefined);
      const length = request.headers['content-length'];
      const answer = await callUpstream(context.agent, context.timeouts, {
        url: target,
        method: 'POST',
        headers: upstreamRequestHeaders(request.headers, {
          ...(length === undefined ? {} : { 'content-length': length }),
        }),
        body: limited,
        bodySent: limited.done,
        upstreamName: 'The upload target',
      });
      refuseRedirect(answer, 'The upload target');
      return relayAnswer(request, reply, answer);
    };

    app.all('/upload', handler);
    app.all('/upload/*', handler);
    done();
  };
}
