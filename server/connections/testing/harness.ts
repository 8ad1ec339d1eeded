import { once } from 'node:events';
import { connect } from 'node:net';
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type InjectOptions,
  type LightMyRequestResponse,
} from 'fastify';
import { ManualClock } from '../../clock';
import { connectionsPlugin, type ConnectionsOptions } from '../plugin';
import { RecordingUpstream } from './recording-upstream';

export const WORKSPACE = '0b6d71fc-0000-4000-8000-000000000001';
export const OTHER_WORKSPACE = '0b6d71fc-0000-4000-8000-0000000000ff';
export const CHANNEL = '0b6d71fc-0000-4000-8000-00000000c001';
export const MESSAGE = '0b6d71fc-0000-4000-8000-00000000a001';
export const MEDIA = '0b6d71fc-0000-4000-8000-00000000d001';
/** The Bird key the tests connect with; it must never show up in an answer or a log. */
export const ACCESS_KEY = 'bird-live-key-Zq8WmT4xR2vN9pLs';
export const SANDBOX_WORKSPACE = '0b6d71fc-0000-4000-8000-00000000eeee';
export const SANDBOX_KEY = 'sandbox-key-Yy7Hh3Kk9Mm2';

/** What inject's default Host (`localhost:80`) makes the page's origin. */
export const ORIGIN = 'http://localhost';

export interface Harness {
  app: FastifyInstance;
  upstream: RecordingUpstream;
  clock: ManualClock;
  /** `app.inject`, remembering every answer for {@link leakedKeys}. */
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Connects in Bird mode; returns the `cookie` request header for later calls. */
  connect(): Promise<string>;
  /** Every answer (headers and body) that contained one of the keys. */
  leakedKeys(): string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  plugin?: Partial<ConnectionsOptions>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const upstream = await RecordingUpstream.start();
  const clock = new ManualClock();
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
  });
  await app.register(connectionsPlugin, {
    clock,
    bird: { apiBase: `${upstream.origin}/bird`, mediaBase: `${upstream.origin}/bird-media` },
    sandbox: { workspaceId: SANDBOX_WORKSPACE, accessKey: SANDBOX_KEY },
    sandboxBaseUrl: `${upstream.origin}/sandbox`,
    ...options.plugin,
  });
  await app.ready();

  const answers: string[] = [];
  const call = async (injectOptions: InjectOptions): Promise<LightMyRequestResponse> => {
    const response = await app.inject(injectOptions);
    answers.push(`${JSON.stringify(response.headers)}\n${response.body}`);
    return response;
  };

  return {
    app,
    upstream,
    clock,
    call,
    async connect() {
      const response = await call({
        method: 'POST',
        url: '/session',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        payload: { mode: 'bird', accessKey: ACCESS_KEY, workspaceId: WORKSPACE },
      });
      if (response.statusCode !== 200) throw new Error(`connect failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'perch_session');
      if (cookie === undefined) throw new Error('no session cookie');
      upstream.reset();
      return `perch_session=${cookie.value}`;
    },
    leakedKeys() {
      return answers.filter((text) => text.includes(ACCESS_KEY) || text.includes(SANDBOX_KEY));
    },
    async close() {
      await app.close();
      await upstream.close();
    },
  };
}

/**
 * Sends bytes as they are (no client-side URL parsing or normalising) and resolves with the
 * whole response text; the request should say `Connection: close`.
 */
export async function rawRequest(app: FastifyInstance, text: string): Promise<string> {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('app is not listening');
  const socket = connect(address.port, '127.0.0.1');
  socket.write(text);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(socket, 'close');
  return Buffer.concat(chunks).toString('latin1');
}

/** The status code of a raw response text. */
export function rawStatus(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
}
