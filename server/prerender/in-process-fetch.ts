import type { FastifyInstance } from 'fastify';

/**
 * A `fetch` for the app's requests while the server renders a page: each one is answered by
 * this same server in-process (`app.inject`), through the same routes, checks and upstream
 * as the browser's own request would be, with the operator's cookie. Reads only: the
 * server never writes on an operator's behalf.
 */
export function inProcessFetch(
  app: FastifyInstance,
  request: { cookie: string | undefined; host: string | undefined },
): typeof fetch {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') throw new TypeError(`a server render only reads, not ${method}`);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('/') || url.startsWith('//')) {
      throw new TypeError(`a server render only asks its own server, not ${url}`);
    }
    init?.signal?.throwIfAborted();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.cookie !== undefined) headers.cookie = request.cookie;
    if (request.host !== undefined) headers.host = request.host;
    const answer = await app.inject({ method: 'GET', url, headers });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        responseHeaders.append(name, String(item));
      }
    }
    const empty = answer.statusCode === 204 || answer.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(answer.rawPayload), {
      status: answer.statusCode,
      headers: responseHeaders,
    });
  };
}
