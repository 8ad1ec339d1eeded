import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ConnectionsContext, upstreamName } from './context';
import { refuseRedirect, relayAnswer } from './relay';
import { resolveTargetOnRequest } from './resolve-target';
import { callUpstream, upstreamRequestHeaders } from './upstream';

/**
 * Media bytes come from whoever wrote to the operator. Served on Perch's origin they must
 * never run: no sniffing, and a CSP that sandboxes the document should one be opened directly.
 */
const MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

/**
 * `/media/*` → the session's media origin, for the E11 and E12 shapes only, with the key
 * added; streamed, with the upstream Content-Type and Content-Disposition. GET, and HEAD
 * answered from an upstream GET without its body (the contract lists only GET): the same
 * headers, Content-Length included, so the page learns a file's size without its bytes.
 */
export function mediaRoutes(context: ConnectionsContext) {
  return (app: FastifyInstance, _options: unknown, done: (error?: Error) => void): void => {
    app.removeAllContentTypeParsers();
    const resolvedFor = resolveTargetOnRequest(app, context, '/media');

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const { session, target } = resolvedFor(request);
      const answer = await callUpstream(context.agent, context.timeouts, {
        url: new URL(session.upstream.mediaBase + target.path + target.search),
        method: 'GET',
        headers: upstreamRequestHeaders(
          request.headers,
          { authorization: session.authorization() },
          ['accept', 'range'],
        ),
        upstreamName: upstreamName(session),
      });
      refuseRedirect(answer, upstreamName(session));
      void reply.header('content-security-policy', MEDIA_CSP);
      return relayAnswer(request, reply, answer);
    };

    // Not `/media` itself: that is the app's Media page, served as index.html.
    app.all('/media/*', handler);
    done();
  };
}
