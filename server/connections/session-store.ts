import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import type { SessionMode } from '../../src/lib/perch/session';
import { UPLOAD_TARGET_TTL_MS } from '../../src/lib/perch/upload';
import type { Clock } from '../clock';

/** Where a session's calls go: origins and path prefixes, fixed when it connects. */
export interface UpstreamTarget {
  /** Bird API paths are appended to this (no trailing slash). */
  apiBase: string;
  /** Media paths (E11, E12) are appended to this (no trailing slash). */
  mediaBase: string;
  /** The media URL prefixes the browser will see in message bodies. */
  mediaBases: readonly string[];
  /** Whether an upstream-issued `uploadUrl` may be plain `http:` (sandbox, tests). */
  allowHttpUploads: boolean;
  /** When set, every `uploadUrl` must start with this prefix (the sandbox's own base). */
  uploadUrlPrefix?: string;
}

export interface SessionInit {
  mode: SessionMode;
  workspaceId: string;
  accessKey: string;
  upstream: UpstreamTarget;
  /** The Host header the session was created under; other hosts do not see it. */
  host: string;
}

const MAX_UPLOAD_TARGETS = 100;

/**
 * One connected operator. The access key lives in a private field: it is readable only as the
 * `Authorization` value, and `JSON.stringify` / `util.inspect` (and so any logger) show
 * the session without it.
 */
export class Session {
  readonly id: string;
  readonly mode: SessionMode;
  readonly workspaceId: string;
  readonly upstream: UpstreamTarget;
  readonly host: string;
  lastUsedAt: number;
  readonly #accessKey: string;
  readonly #uploads = new Map<string, { url: URL; issuedAt: number }>();

  constructor(id: string, init: SessionInit, now: number) {
    this.id = id;
    this.mode = init.mode;
    this.workspaceId = init.workspaceId;
    this.upstream = init.upstream;
    this.host = init.host.toLowerCase();
    this.#accessKey = init.accessKey;
    this.lastUsedAt = now;
  }

  /** The `Authorization` header value for upstream calls. */
  authorization(): string {
    return `AccessKey ${this.#accessKey}`;
  }

  get keyHint(): string {
    return this.#accessKey.slice(-4);
  }

  /** Remembers an `uploadUrl` the upstream issued to this session; returns its token. */
  issueUploadTarget(url: URL, now: number): string {
    for (const [token, target] of this.#uploads) {
      if (now - target.issuedAt >= UPLOAD_TARGET_TTL_MS) this.#uploads.delete(token);
    }
    while (this.#uploads.size >= MAX_UPLOAD_TARGETS) {
      const oldest = this.#uploads.keys().next();
      if (oldest.done === true) break;
      this.#uploads.delete(oldest.value);
    }
    const token = randomBytes(16).toString('base64url');
    this.#uploads.set(token, { url, issuedAt: now });
    return token;
  }

  /** The `uploadUrl` behind a token issued to this session within the last hour. */
  uploadTarget(token: string, now: number): URL | undefined {
    const target = this.#uploads.get(token);
    if (target === undefined) return undefined;
    if (now - target.issuedAt >= UPLOAD_TARGET_TTL_MS) {
      this.#uploads.delete(token);
      return undefined;
    }
    return target.url;
  }

  toJSON(): Record<string, string> {
    return { mode: this.mode, workspaceId: this.workspaceId, keyHint: this.keyHint };
  }

  [inspect.custom](): string {
    return `Session(${this.mode}, ${this.workspaceId}, …${this.keyHint})`;
  }
}

export interface SessionStoreOptions {
  clock: Clock;
  /** Idle time after which a session is gone; every use starts it again. */
  idleMs: number;
  /** The least recently used session is dropped beyond this many. */
  maxSessions?: number;
}

/** A session id: 256 random bits, base64url (43 characters). */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions in memory only, by random id. Nothing is written to disk: a restart disconnects
 * everyone, which is the point. Sliding idle expiry by the injected clock.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #clock: Clock;
  readonly #idleMs: number;
  readonly #maxSessions: number;

  constructor(options: SessionStoreOptions) {
    this.#clock = options.clock;
    this.#idleMs = options.idleMs;
    this.#maxSessions = options.maxSessions ?? 1000;
  }

  get size(): number {
    return this.#sessions.size;
  }

  now(): number {
    return this.#clock.now();
  }

  create(init: SessionInit): Session {
    this.#sweep();
    while (this.#sessions.size >= this.#maxSessions) {
      const oldest = this.#sessions.keys().next();
      if (oldest.done === true) break;
      this.#sessions.delete(oldest.value);
    }
    const session = new Session(randomBytes(32).toString('base64url'), init, this.now());
    this.#sessions.set(session.id, session);
    return session;
  }

  /**
   * The live session for a cookie value and Host header, without extending it; expired
   * sessions are removed on sight.
   */
  find(id: string | undefined, host: string | undefined): Session | undefined {
    if (id === undefined || !SESSION_ID.test(id)) return undefined;
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    if (this.now() >= this.expiresAt(session)) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session.host === (host ?? '').toLowerCase() ? session : undefined;
  }

  /** Marks the session used now (sliding expiry) and most recently used. */
  touch(session: Session): void {
    session.lastUsedAt = this.now();
    this.#sessions.delete(session.id);
    this.#sessions.set(session.id, session);
  }

  delete(id: string): void {
    this.#sessions.delete(id);
  }

  expiresAt(session: Session): number {
    return session.lastUsedAt + this.#idleMs;
  }

  #sweep(): void {
    const now = this.now();
    for (const [id, session] of this.#sessions) {
      if (now >= this.expiresAt(session)) this.#sessions.delete(id);
    }
  }
}
