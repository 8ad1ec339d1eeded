import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Agent, type Dispatcher } from 'undici';
import { CONNECT_ERROR_CODES } from '../../src/lib/perch/session';
import { PerchHttpError } from './errors';

/**
 * The HTTP client side of the pass-through: one undici Agent (keep-alive pools per origin,
 * TLS verified, redirects never followed), a total deadline per call and a translation of
 * every failure into a Bird-shaped 502/504.
 */

export interface UpstreamTimeouts {
  /** Time to open the TCP (and TLS) connection. */
  connectMs: number;
  /**
   * Time from sending the request (the whole body, for uploads) until the answer's headers
   * arrive; also the longest pause allowed between two chunks of the answer's body.
   */
  totalMs: number;
}

export const DEFAULT_TIMEOUTS: UpstreamTimeouts = { connectMs: 5_000, totalMs: 30_000 };

export function createUpstreamAgent(timeouts: UpstreamTimeouts): Agent {
  return new Agent({
    connect: { timeout: timeouts.connectMs },
    // Set per call (see callUpstream): from the request, or from the end of an upload's body.
    headersTimeout: timeouts.totalMs,
    bodyTimeout: timeouts.totalMs,
    keepAliveTimeout: 10_000,
  });
}

export interface UpstreamCall {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: Buffer | Readable;
  /** For a streamed body: settles once all of it went through; the deadline starts then. */
  bodySent?: Promise<unknown>;
  /** Names the upstream in error messages: "Bird" or "The sandbox". */
  upstreamName: string;
}

export interface UpstreamAnswer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData['body'];
}

const formatDuration = (ms: number): string =>
  ms < 1000 ? `${String(ms)} ms` : `${String(Math.round(ms / 1000))} seconds`;

class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function codeOf(error: unknown): string | undefined {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Sends one request. Resolves with the upstream's status, headers and streaming body, of any
 * status (3xx included: nothing is followed); rejects with a {@link PerchHttpError} — 504
 * `Timeout` when the connect or total time ran out, 502 `Unreachable` when there was no
 * answer — or with the request body's own error (e.g. its size limit).
 */
export async function callUpstream(
  agent: Dispatcher,
  timeouts: UpstreamTimeouts,
  call: UpstreamCall,
): Promise<UpstreamAnswer> {
  // A call whose body is in memory (or absent) uses undici's own timer, which starts when the
  // request goes out. A streamed body (an upload) may take long to arrive from the browser;
  // its deadline starts once the whole body went through, and aborts the call by signal.
  const streamed = call.body !== undefined && !Buffer.isBuffer(call.body);
  const controller = streamed ? new AbortController() : undefined;
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  let bodyError: unknown;
  if (streamed && controller !== undefined) {
    void call.bodySent?.then(
      () => {
        if (settled) return;
        timer = setTimeout(() => {
          controller.abort(new DeadlineExceeded());
        }, timeouts.totalMs);
      },
      () => undefined,
    );
    (call.body as Readable).once('error', (error) => {
      bodyError = error;
    });
  }

  try {
    const answer = await agent.request({
      origin: call.url.origin,
      path: call.url.pathname + call.url.search,
      method: call.method,
      headers: call.headers,
      body: call.body ?? null,
      headersTimeout: streamed ? 0 : timeouts.totalMs,
      ...(controller === undefined ? {} : { signal: controller.signal }),
    });
    return { statusCode: answer.statusCode, headers: answer.headers, body: answer.body };
  } catch (error) {
    if (bodyError instanceof PerchHttpError) throw bodyError;
    const deadlineHit = controller?.signal.reason instanceof DeadlineExceeded;
    if (deadlineHit || TIMEOUT_CODES.has(codeOf(error) ?? '')) {
      const limitMs =
        codeOf(error) === 'UND_ERR_CONNECT_TIMEOUT' ? timeouts.connectMs : timeouts.totalMs;
      throw new PerchHttpError(
        504,
        CONNECT_ERROR_CODES.timeout,
        `${call.upstreamName} did not answer within ${formatDuration(limitMs)}`,
      );
    }
    throw new PerchHttpError(
      502,
      CONNECT_ERROR_CODES.unreachable,
      `${call.upstreamName} could not be reached at ${call.url.origin}`,
    );
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}

/** Reads a small answer body whole, refusing more than `limit` bytes. */
export async function readSmallBody(body: Readable, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Answer bodies up to this size are drained on discard, so the connection can be reused. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

/**
 * Discards an answer body without keeping it: a small one (by Content-Length) is drained so
 * the keep-alive connection can be reused; anything else is destroyed, so an upstream cannot
 * keep Perch reading an endless body nobody wants.
 */
export function discard(answer: { headers: IncomingHttpHeaders; body: Readable }): void {
  const length = Number(answer.headers['content-length'] ?? Number.NaN);
  answer.body.on('error', () => undefined);
  if (Number.isInteger(length) && length <= DRAIN_LIMIT_BYTES) answer.body.resume();
  else answer.body.destroy();
}

/**
 * Request headers the client may pass on (everything else — Cookie, Authorization, Host,
 * Forwarded, X-Forwarded-*, hop-by-hop, conditionals — is dropped by omission).
 */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type'] as const;

export function upstreamRequestHeaders(
  clientHeaders: IncomingHttpHeaders,
  extra: Record<string, string | undefined>,
  forward: readonly string[] = FORWARDED_REQUEST_HEADERS,
): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': 'Perch',
    // Answers are streamed back as they are; asking for no compression keeps them readable.
    'accept-encoding': 'identity',
  };
  for (const name of forward) {
    const value = clientHeaders[name];
    if (typeof value === 'string') headers[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/**
 * Answer headers passed back to the browser. Set-Cookie, Location, CORS, CSP and anything
 * else an upstream might send to steer the browser on Perch's origin are dropped by omission.
 */
const PASSED_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-disposition',
  'content-language',
  'content-range',
  'accept-ranges',
  'cache-control',
  'expires',
  'last-modified',
  'etag',
  'retry-after',
  'x-request-id',
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
]);

export function clientResponseHeaders(upstream: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (typeof value === 'string' && PASSED_RESPONSE_HEADERS.has(name)) headers[name] = value;
  }
  return headers;
}
