import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ConnectionsContext, requireSession } from './context';
import { PerchHttpError } from './errors';
import { type MatchedTarget, matchTarget } from './paths';
import type { Session } from './session-store';

export interface ResolvedTarget {
  session: Session;
  target: MatchedTarget;
}

/**
 * For the pass-through routes under `prefix` (/api, /media): an `onRequest` hook that
 * checks, before any body is read, `check` first (e.g. the same-origin rule for writes),
 * then the session (401), then the raw path (400/404), and keeps what it found for the
 * handler. Synchronous: a throw becomes the error answer, and no promise per request.
 * Returns the handler's way to read it.
 */
export function resolveTargetOnRequest(
  app: FastifyInstance,
  context: ConnectionsContext,
  prefix: Parameters<typeof matchTarget>[2],
  check: (request: FastifyRequest) => void = () => undefined,
): (request: FastifyRequest) => ResolvedTarget {
  const resolved = new WeakMap<FastifyRequest, ResolvedTarget>();
  app.addHook('onRequest', (request, reply, next) => {
    check(request);
    const session = requireSession(context, request, reply);
    const target = matchTarget(request.raw.url ?? '', request.method, prefix, session.workspaceId);
    resolved.set(request, { session, target });
    next();
  });
  return (request) => {
    const found = resolved.get(request);
    if (found === undefined) throw new PerchHttpError(404, 'NotFound', 'Not found');
    return found;
  };
}
