import type { IncomingHttpHeaders } from 'node:http';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { PerchHttpError } from './errors';

/** JSON request bodies of Bird's API are at most 1 MiB (§2, the sandbox's parser agrees). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export const tooLarge = (limit: number): PerchHttpError =>
  new PerchHttpError(
    413,
    'PayloadTooLarge',
    `The request body is larger than ${String(Math.floor(limit / 1024))} KiB`,
  );

/** The declared Content-Length, when there is a valid one. */
export function declaredLength(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['content-length'];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Whether a request announces a body (a length above zero, or chunked encoding). */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = declaredLength(headers);
  return (length !== undefined && length > 0) || headers['transfer-encoding'] !== undefined;
}

/**
 * Reads a whole request body of at most `limit` bytes within `timeoutMs`: 413 beyond the
 * limit (at once when Content-Length says so), 408 when the client is too slow. The body is
 * read before anything is sent upstream, so a huge or trickling body never reaches it.
 */
export function readRequestBody(
  payload: Readable,
  headers: IncomingHttpHeaders,
  limit: number,
  timeoutMs: number,
): Promise<Buffer> {
  const length = declaredLength(headers);
  if (length !== undefined && length > limit) return Promise.reject(tooLarge(limit));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: PerchHttpError | undefined): void => {
      clearTimeout(timer);
      payload.off('data', onData);
      payload.off('end', onEnd);
      payload.off('error', onError);
      payload.off('aborted', onAborted);
      if (error === undefined) {
        resolve(Buffer.concat(chunks, size));
      } else {
        payload.resume();
        reject(error);
      }
    };
    const timer = setTimeout(() => {
      finish(new PerchHttpError(408, 'RequestTimeout', 'The request body arrived too slowly'));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      finish(undefined);
    };
    const onError = (): void => {
      finish(new PerchHttpError(400, 'BadRequest', 'The request body could not be read'));
    };
    const onAborted = onError;
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.on('aborted', onAborted);
  });
}

/**
 * Passes a streamed body through, counting bytes; errors with 413 past `limit`, which aborts
 * the upstream request it feeds. `done` settles when the whole body went through.
 */
export class ByteLimit extends Transform {
  readonly #limit: number;
  #size = 0;
  readonly done: Promise<void>;

  constructor(limit: number) {
    super();
    this.#limit = limit;
    this.done = new Promise<void>((resolve, reject) => {
      this.once('end', resolve);
      this.once('error', reject);
    });
    this.done.catch(() => undefined);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length;
    if (this.#size > this.#limit) {
      callback(tooLarge(this.#limit));
      return;
    }
    callback(null, chunk);
  }
}
