import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the upstream saw it. Recorded as soon as its headers arrive. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The body so far; all of it once `complete`. */
  body: Buffer;
  complete: boolean;
}

export interface CannedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Decides the answer once the request body is in; `'hang'` never answers. */
export type Responder = (request: RecordedRequest) => CannedAnswer | 'hang';

const defaultResponder: Responder = () => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ results: [], nextPageToken: '' }),
});

/**
 * A real HTTP server on 127.0.0.1:0 that records every request it receives — the witness
 * for "nothing reached the upstream".
 */
export class RecordingUpstream {
  readonly requests: RecordedRequest[] = [];
  #responder: Responder = defaultResponder;
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<RecordingUpstream> {
    const server = createServer();
    const upstream = new RecordingUpstream(server);
    server.on('request', (req, res) => {
      const record: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.alloc(0),
        complete: false,
      };
      upstream.requests.push(record);
      req.on('data', (chunk: Buffer) => {
        record.body = Buffer.concat([record.body, chunk]);
      });
      req.on('end', () => {
        record.complete = true;
        const answer = upstream.#responder(record);
        if (answer === 'hang') return;
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body);
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return upstream;
  }

  get origin(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${String(port)}`;
  }

  respond(responder: Responder): void {
    this.#responder = responder;
  }

  reset(): void {
    this.requests.length = 0;
    this.#responder = defaultResponder;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }
}
