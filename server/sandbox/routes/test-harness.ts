import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { ManualClock, systemClock } from '../../clock';
import { createSandbox, type Sandbox, type SandboxOptions } from '../create-sandbox';
import { buildStandaloneApp } from '../http/standalone-app';
import { DEFAULT_CHANNEL_IDS } from '../store';

/** Test helpers: a sandbox on `:memory:` with a ManualClock, driven through `inject`. */

export const ACCESS_KEY = 'test-access-key-0001';
export const READ_ONLY_KEY = 'test-read-only-key-01';
export const CHANNELS = DEFAULT_CHANNEL_IDS;

export interface TestSandbox {
  sandbox: Sandbox;
  app: FastifyInstance;
  /** The manual clock (still created, but unused, when `realClock` is set). */
  clock: ManualClock;
  ws: string;
  /** `inject` with the sandbox's access key (unless `headers.authorization` says otherwise). */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(path: string, key?: string): Promise<LightMyRequestResponse>;
  post(path: string, body?: unknown, key?: string): Promise<LightMyRequestResponse>;
  /** `POST _sandbox/clock/advance`. */
  advance(ms: number): Promise<LightMyRequestResponse>;
  /** Sends a text message on a channel and returns the stored message. */
  send(channelId: string, to: string, extra?: Record<string, unknown>): Promise<TestMessage>;
  close(): Promise<void>;
}

export interface TestMessage {
  id: string;
  status: string;
  [key: string]: unknown;
}

export type TestSandboxOptions = Partial<Omit<SandboxOptions, 'clock'>> & {
  clock?: ManualClock | undefined;
  /** Run on the system clock instead (with Vitest's fake timers, so nothing sleeps). */
  realClock?: boolean;
};

export async function startTestSandbox(options: TestSandboxOptions = {}): Promise<TestSandbox> {
  const { realClock = false, clock: manual, ...rest } = options;
  const clock = manual ?? new ManualClock();
  const sandbox = createSandbox({
    dataDir: ':memory:',
    accessKey: ACCESS_KEY,
    readOnlyKey: READ_ONLY_KEY,
    rateLimits: false,
    ...rest,
    clock: realClock ? systemClock : clock,
    rateLimitClock: realClock ? systemClock : clock,
  });
  const app = await buildStandaloneApp(sandbox);
  const ws = sandbox.workspaceId;
  const auth = (key: string): Record<string, string> => ({ authorization: `AccessKey ${key}` });

  const key = sandbox.accessKey;
  const request = (injectOptions: InjectOptions) =>
    app.inject({ ...injectOptions, headers: { ...auth(key), ...injectOptions.headers } });
  const get = (path: string, withKey = key) =>
    app.inject({ method: 'GET', url: path, headers: auth(withKey) });
  const post = (path: string, body?: unknown, withKey = key) =>
    app.inject({
      method: 'POST',
      url: path,
      headers: auth(withKey),
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });

  return {
    sandbox,
    app,
    clock,
    ws,
    request,
    get,
    post,
    advance: (ms) => post('/_sandbox/clock/advance', { ms }),
    async send(channelId, to, extra = {}) {
      const response = await post(`/workspaces/${ws}/channels/${channelId}/messages`, {
        receiver: { contacts: [{ identifierValue: to }] },
        body: { type: 'text', text: { text: 'Hello from the tests' } },
        ...extra,
      });
      if (response.statusCode !== 202) {
        throw new Error(`send failed: ${response.statusCode} ${response.body}`);
      }
      return response.json<TestMessage>();
    },
    async close() {
      await app.close();
      sandbox.close();
    },
  };
}

/** The Bird error body shape every error answer must have. */
export function expectBirdError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): { code: string; message: string; details?: Record<string, string[]> } {
  const body = response.json<{
    code: string;
    message: string;
    details?: Record<string, string[]>;
  }>();
  if (response.statusCode !== status || body.code !== code || typeof body.message !== 'string') {
    throw new Error(
      `expected ${status} ${code}, got ${response.statusCode} ${response.body.slice(0, 500)}`,
    );
  }
  return body;
}
