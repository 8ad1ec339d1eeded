import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Dispatcher } from 'undici';
import type { ConnectedSessionInfo } from '../../src/lib/perch/session';
import type { Clock } from '../clock';
import { notConnected } from './errors';
import { clearSessionCookie, readSessionCookie } from './session-cookie';
import { type Session, SessionStore, type UpstreamTarget } from './session-store';
import type { UpstreamTimeouts } from './upstream';

/** The sandbox's mount point on this server. */
export const SANDBOX_PREFIX = '/sandbox';

export interface ConnectionsOptions {
  clock: Clock;
  /** Bird's API and media origins (`PERCH_BIRD_API`, `PERCH_BIRD_MEDIA`), no trailing slash. */
  bird: { apiBase: string; mediaBase: string };
  /** The in-process sandbox (what `createSandbox` returns); absent: no sandbox mode. */
  sandbox?: { readonly workspaceId: string; readonly accessKey: string } | undefined;
  /**
   * How this server reaches its own sandbox, e.g. `http://127.0.0.1:8080/sandbox`. Default:
   * the address the server is bound to (known after `listen`) plus `/sandbox`. Tests that use
   * `inject` (no listening socket) pass it explicitly.
   */
  sandboxBaseUrl?: string | undefined;
  /** Idle minutes before a session ends (`PERCH_SESSION_IDLE_MINUTES`); default 480. */
  sessionIdleMinutes?: number | undefined;
  /** Upstream time limits; default 5 s to connect, 30 s in total. */
  timeouts?: Partial<UpstreamTimeouts> | undefined;
  /** Time allowed for reading a JSON request body; default 10 s. */
  bodyReadTimeoutMs?: number | undefined;
  /** Sessions kept at most (least recently used dropped first); default 1000. */
  maxSessions?: number | undefined;
}

/** Everything the route plugins share. */
export interface ConnectionsContext {
  store: SessionStore;
  agent: Dispatcher;
  timeouts: UpstreamTimeouts;
  bodyReadTimeoutMs: number;
  bird: ConnectionsOptions['bird'];
  sandbox: ConnectionsOptions['sandbox'];
  /** The sandbox's base URL as this server reaches it, when it has one. */
  sandboxBase(): string | undefined;
}

export function createStore(options: ConnectionsOptions): SessionStore {
  return new SessionStore({
    clock: options.clock,
    idleMs: (options.sessionIdleMinutes ?? 480) * 60_000,
    maxSessions: options.maxSessions,
  });
}

/** `http://<bound address>:<port>/sandbox`, once the server listens. */
export function loopbackSandboxBase(app: FastifyInstance): string | undefined {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return undefined;
  return `http://${loopbackHost(address)}:${String(address.port)}${SANDBOX_PREFIX}`;
}

function loopbackHost(address: AddressInfo): string {
  if (address.family === 'IPv6') return address.address === '::' ? '[::1]' : `[${address.address}]`;
  return address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
}

export function birdUpstream(bird: ConnectionsOptions['bird']): UpstreamTarget {
  return {
    apiBase: bird.apiBase,
    mediaBase: bird.mediaBase,
    mediaBases: [bird.mediaBase],
    allowHttpUploads: bird.apiBase.startsWith('http:'),
  };
}

export function sandboxUpstream(base: string): UpstreamTarget {
  return {
    apiBase: base,
    mediaBase: base,
    mediaBases: [base],
    allowHttpUploads: true,
    uploadUrlPrefix: `${base}/`,
  };
}

export function sessionInfo(store: SessionStore, session: Session): ConnectedSessionInfo {
  return {
    connected: true,
    mode: session.mode,
    workspaceId: session.workspaceId,
    keyHint: session.keyHint,
    mediaBases: [...session.upstream.mediaBases],
    expiresAt: new Date(store.expiresAt(session)).toISOString(),
  };
}

/**
 * The request's live session, extended (sliding expiry); else 401 `Not connected`, clearing
 * a stale cookie.
 */
export function requireSession(
  context: ConnectionsContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Session {
  const id = readSessionCookie(request);
  const session = context.store.find(id, request.headers.host);
  if (session === undefined) {
    if (id !== undefined) clearSessionCookie(reply, request);
    throw notConnected();
  }
  context.store.touch(session);
  return session;
}

export const upstreamName = (session: Session): string =>
  session.mode === 'sandbox' ? 'The sandbox' : 'Bird';
