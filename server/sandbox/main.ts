import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ManualClock, systemClock } from '../clock';
import { ConfigError, HelpRequested, loadSandboxConfig, usage, type SandboxConfig } from './config';
import { stderrProgress } from './seed/progress';
import { createSandbox, type Sandbox } from './create-sandbox';
import { buildStandaloneApp } from './http/standalone-app';

/**
 * `npm run sandbox -- [options]`: Bird's messaging API on its own, at the root of
 * http://HOST:PORT, for curl and any Bird SDK. Prints where it listens, the workspace id
 * and the access key; stops cleanly on Ctrl-C or SIGTERM.
 */

export interface RunningSandbox {
  url: string;
  sandbox: Sandbox;
  app: FastifyInstance;
  close: () => Promise<void>;
}

/** The URL to print for a bound address (wildcard binds are reached through loopback). */
export function sandboxUrl(host: string, port: number): string {
  const open = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${open.includes(':') ? `[${open}]` : open}:${port}`;
}

function listenError(error: unknown, config: SandboxConfig): string {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${config.host}:${config.port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `${where} is already in use; pick another port with --port`;
    case 'EACCES':
      return `not allowed to listen on ${where}; pick a port above 1023 with --port`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on host ${config.host}; pick another with --host`;
    default:
      return `could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function startSandbox(config: SandboxConfig): Promise<RunningSandbox> {
  const clock = config.clock === 'manual' ? new ManualClock(systemClock.now()) : systemClock;
  const sandbox = createSandbox({
    dataDir: config.dataDir,
    clock,
    accessKey: config.accessKey,
    readOnlyKey: config.readOnlyKey,
    rateLimits: config.rateLimits,
    seedOnEmpty: config.seedMessages,
    onSeedProgress: stderrProgress('Seeding the sandbox'),
    onError: (error) => {
      process.stderr.write(`perch-sandbox: lifecycle step failed: ${String(error)}\n`);
    },
  });
  let app: FastifyInstance | undefined;
  try {
    app = await buildStandaloneApp(sandbox, { logger: { level: 'warn' } });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close().catch(() => undefined);
    sandbox.close();
    throw new Error(listenError(error, config), { cause: error });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const server = app;
  let closing: Promise<void> | undefined;
  return {
    url: sandboxUrl(config.host, port),
    sandbox,
    app: server,
    close: () =>
      (closing ??= server.close().finally(() => {
        sandbox.close();
      })),
  };
}

function banner(running: RunningSandbox): string {
  const { sandbox } = running;
  return [
    `Bird sandbox listening at ${running.url}`,
    `  workspace id:  ${sandbox.workspaceId}`,
    `  access key:    ${sandbox.accessKey}`,
    ...(sandbox.readOnlyKey === undefined ? [] : [`  read-only key: ${sandbox.readOnlyKey}`]),
    `  clock:         ${sandbox.clock.mode}`,
    `  try:           curl -H 'Authorization: AccessKey ${sandbox.accessKey}' ${running.url}/workspaces/${sandbox.workspaceId}/channels`,
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  let config: SandboxConfig;
  try {
    config = loadSandboxConfig(argv, env);
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(usage);
      process.exit(0);
    }
    const message = error instanceof ConfigError ? error.message : String(error);
    process.stderr.write(`perch-sandbox: ${message}\n`);
    process.exit(2);
  }
  let running: RunningSandbox;
  try {
    running = await startSandbox(config);
  } catch (error) {
    process.stderr.write(
      `perch-sandbox: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(banner(running));
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`perch-sandbox: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  await main(process.argv.slice(2), process.env);
}
