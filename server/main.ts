import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ManualClock, systemClock } from './clock';
import { type PerchConfig, loadConfigOrExit } from './config';
import { stderrProgress } from './sandbox/seed/progress';
import { createSandbox, type Sandbox, sandboxDataDir } from './sandbox/create-sandbox';

export interface StartOptions {
  /** Passed to buildApp: the built app's directory, or `null` to serve none. */
  distDir?: string | null;
  /** Fastify's logger; default: warnings and errors as JSON lines on stderr. */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
}

export interface PerchServer {
  /** Where to open Perch, with the real bound port, e.g. `http://127.0.0.1:8080`. */
  url: string;
  app: FastifyInstance;
  /** Stops accepting requests, lets running ones finish, then releases everything. */
  close: () => Promise<void>;
}

/** A startup failure, explained in one line for the terminal. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** The URL to print for a bound address: wildcard binds are opened through loopback. */
export function perchUrl(host: string, port: number): string {
  const open = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host;
  const name = open.includes(':') && !open.startsWith('[') ? `[${open}]` : open;
  return `http://${name}:${port}`;
}

/** One line saying why listening failed and what to do about it. */
export function listenErrorMessage(
  error: unknown,
  config: Pick<PerchConfig, 'host' | 'port'>,
): string {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${config.host}:${config.port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `perch: ${where} is already in use; stop the other server or pick another port with --port`;
    case 'EACCES':
      return `perch: not allowed to listen on ${where}; pick a port above 1023 with --port`;
    case 'EADDRNOTAVAIL':
      return `perch: ${config.host} is not an address of this machine; pick another with --host`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `perch: cannot resolve --host ${config.host}`;
    default:
      return `perch: could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Builds and starts Perch on config.host:config.port; rejects with a StartupError. */
export async function startPerch(
  config: PerchConfig,
  options: StartOptions = {},
): Promise<PerchServer> {
  // The in-process sandbox (issue 3): served at /sandbox, closed after the server in close().
  let sandbox: Sandbox;
  try {
    sandbox = createSandbox({
      dataDir: sandboxDataDir(config.dataDir),
      clock: config.sandbox.clock === 'manual' ? new ManualClock(systemClock.now()) : systemClock,
      accessKey: config.sandbox.accessKey,
      rateLimits: config.sandbox.rateLimits,
      seedOnEmpty: config.sandbox.seed,
      onSeedProgress: stderrProgress('Seeding the sandbox'),
      onError: (error) => {
        process.stderr.write(`perch: sandbox lifecycle step failed: ${String(error)}\n`);
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(`perch: could not open the sandbox: ${reason}`, { cause: error });
  }
  const app = buildApp({
    config,
    sandbox,
    distDir: options.distDir,
    logger: options.logger ?? { level: 'warn', stream: process.stderr },
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    sandbox.close();
    throw new StartupError(listenErrorMessage(error, config), { cause: error });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;

  let closing: Promise<void> | undefined;
  return {
    url: perchUrl(config.host, port),
    app,
    close: () =>
      (closing ??= app.close().finally(() => {
        sandbox.close();
      })),
  };
}

/** How long a graceful stop may take before the process exits anyway. */
const shutdownGraceMs = 10_000;

/**
 * Stops the given servers on SIGINT or SIGTERM (once, however many signals arrive) and
 * exits: 0 when they closed cleanly, 1 otherwise.
 */
export function stopOnSignals(closers: readonly (() => Promise<void>)[]): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      process.stderr.write('perch: stopping took too long; exiting anyway\n');
      process.exit(1);
    }, shutdownGraceMs).unref();
    Promise.all(closers.map((close) => close())).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`perch: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Starts Perch, prints the one line with its URL and stops on Ctrl-C; exits 1 on failure. */
export async function runPerch(config: PerchConfig, options: StartOptions = {}): Promise<void> {
  try {
    const server = await startPerch(config, options);
    stopOnSignals([server.close]);
    process.stdout.write(`Perch is running at ${server.url}\n`);
  } catch (error) {
    const message =
      error instanceof StartupError ? error.message : `perch: could not start: ${String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  await runPerch(
    loadConfigOrExit(process.argv.slice(2), process.env, { command: 'tsx server/main.ts' }),
  );
}
