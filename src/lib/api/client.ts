import { z } from '@/lib/zod';
import {
  ApiError,
  NetworkError,
  ResponseShapeError,
  TimeoutError,
  apiErrorFromResponse,
} from './errors';

/**
 * The one fetch client. It talks only to the Perch server on the page's own origin
 * (`/session`, `/api/...`), encodes and decodes JSON, forwards the caller's `AbortSignal`,
 * checks every answer against a shared zod schema and turns every failure into a typed error
 * (see ./errors). No toasts, no redirects: what to do about an error is the caller's call.
 */

export type QueryValue = string | number | boolean | undefined | null;
export type QueryParams =
  URLSearchParams | Readonly<Record<string, QueryValue | readonly string[]>>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  query?: QueryParams | undefined;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Overrides the client's time limit for this request. */
  timeoutMs?: number | undefined;
}

export interface ApiClientOptions {
  /** Prefix for every path; '' means the page's own origin. */
  baseUrl?: string;
  /** Time limit for one request, from sending to the end of the body. */
  timeoutMs?: number;
}

/**
 * Longer than the Perch server's own upstream time limit, so that a slow Bird surfaces as the
 * server's 504 rather than as the browser giving up first.
 */
export const DEFAULT_TIMEOUT_MS = 45_000;

/** `path` plus its query string. Arrays repeat the parameter; empty values are left out. */
export function buildUrl(baseUrl: string, path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  if (query instanceof URLSearchParams) {
    for (const [name, value] of query) params.append(name, value);
  } else if (query) {
    for (const [name, value] of Object.entries(query)) {
      const values: readonly QueryValue[] = Array.isArray(value) ? value : [value as QueryValue];
      for (const item of values) {
        if (item === undefined || item === null || item === '') continue;
        params.append(name, String(item));
      }
    }
  }
  const search = params.toString();
  return `${baseUrl}${path}${search === '' ? '' : `?${search}`}`;
}

function formatIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
}

export interface ApiClient {
  /** A JSON request whose 2xx answer must match `schema` (any zod schema, mini or classic). */
  request<T>(path: string, schema: z.core.$ZodType<T>, options?: RequestOptions): Promise<T>;
  /** A request whose 2xx answer has no body worth reading (204, 202 without content). */
  requestVoid(path: string, options?: RequestOptions): Promise<void>;
}

/** How requests go out: the browser's fetch, looked up at each call. */
let transport: typeof fetch = (input, init) => globalThis.fetch(input, init);

/**
 * Where requests go instead of `fetch`. Only the server's render of a page calls it
 * (src/app/prerender.tsx), to answer the app's requests in-process for the operator whose
 * page it renders.
 */
export function setApiTransport(next: typeof fetch): void {
  transport = next;
}

export function createApiClient(clientOptions: ApiClientOptions = {}): ApiClient {
  const baseUrl = clientOptions.baseUrl ?? '';
  const defaultTimeoutMs = clientOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** Sends the request and returns a 2xx response, or throws a typed error. */
  async function send(
    path: string,
    options: RequestOptions,
    read: (response: Response) => Promise<unknown>,
  ): Promise<{ response: Response; value: unknown }> {
    const { method = 'GET', query, body, signal } = options;
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    signal?.throwIfAborted();

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => {
      controller.abort(signal?.reason);
    };
    signal?.addEventListener('abort', onCallerAbort, { once: true });

    const headers = new Headers({ accept: 'application/json' });
    if (body !== undefined) headers.set('content-type', 'application/json');

    try {
      let response: Response;
      try {
        response = await transport(buildUrl(baseUrl, path, query), {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          credentials: 'same-origin',
          signal: controller.signal,
        });
      } catch (cause) {
        throw translateFailure(cause);
      }
      if (!response.ok) throw await apiErrorFromResponse(response, path);
      try {
        return { response, value: await read(response) };
      } catch (cause) {
        if (cause instanceof SyntaxError) {
          throw new ResponseShapeError(path, response.status, ['the body is not JSON']);
        }
        throw translateFailure(cause);
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }

    function translateFailure(cause: unknown): unknown {
      if (signal?.aborted) return signal.reason;
      if (timedOut) return new TimeoutError(path, timeoutMs);
      if (cause instanceof ApiError || cause instanceof ResponseShapeError) return cause;
      return new NetworkError(path, { cause });
    }
  }

  return {
    async request<T>(path: string, schema: z.core.$ZodType<T>, options: RequestOptions = {}) {
      const { response, value } = await send(path, options, (r) => r.json());
      const parsed = z.safeParse(schema, value);
      if (!parsed.success) {
        throw new ResponseShapeError(path, response.status, formatIssues(parsed.error));
      }
      return parsed.data;
    },
    async requestVoid(path: string, options: RequestOptions = {}) {
      await send(path, options, async (r) => {
        await r.arrayBuffer();
        return undefined;
      });
    },
  };
}

/** The app's client: same origin as the page. */
export const apiClient = createApiClient();
