import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/support/ is two levels down). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A server the bench started in a process of its own. */
export interface ServerProcess {
  process: ChildProcess;
  /** The child's pid (the Node process that serves, not a wrapper). */
  pid: number;
  origin: string;
  /** What the first line matching `ready` captured after the origin, if anything. */
  extra: string | undefined;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). Safe to call twice. */
  stop: () => Promise<void>;
}

interface SpawnOptions {
  /** A TypeScript entry relative to `root`, run with tsx. */
  entry: string;
  /** The checkout to run it from; default: this one. */
  root?: string;
  args: string[];
  env?: Record<string, string>;
  /** Matches stdout once the server listens: group 1 is the origin, group 2 optional extra. */
  ready: RegExp;
  /** How long start-up may take (a build or a seed may run first). */
  timeoutMs: number;
  /** Also look for `extra` with this pattern (group 1) before resolving. */
  extraPattern?: RegExp;
}

/**
 * Spawns `node --import tsx <entry> ...args` and resolves once stdout says it listens.
 * stderr is passed through (seed progress bars, build warnings). Rejects, with the child
 * killed, when it exits or takes longer than `timeoutMs`.
 */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const tsx = import.meta.resolve('tsx');
  const child = spawn(
    process.execPath,
    ['--import', tsx, path.join(options.root ?? repoRoot, options.entry), ...options.args],
    {
      cwd: options.root ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    })());

  let output = '';
  try {
    const [origin, extra] = await new Promise<[string, string | undefined]>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${options.entry} was not ready within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const origin = options.ready.exec(output)?.[1];
        const extra = options.extraPattern?.exec(output)?.[1];
        if (origin !== undefined && (options.extraPattern === undefined || extra !== undefined)) {
          clearTimeout(timer);
          resolve([origin, extra]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${options.entry} exited with ${String(code)} before it was ready`));
      });
    });
    if (child.pid === undefined) throw new Error(`${options.entry} has no pid`);
    return { process: child, pid: child.pid, origin, extra, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Perch's real server (`server/start.ts`: builds dist/ when stale, then serves it) on a free
 * loopback port with its own data dir; from another checkout of Perch when `root` is given.
 */
export function startPerch(
  dataDir: string,
  flags: string[] = [],
  env: Record<string, string> = {},
  root: string = repoRoot,
): Promise<ServerProcess> {
  return spawnServer({
    entry: 'server/start.ts',
    root,
    args: ['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, ...flags],
    env,
    ready: /Perch is running at (\S+)/,
    timeoutMs: 600_000,
  });
}

/** The standalone sandbox (`server/sandbox/main.ts`), rate limits off, with a known key. */
export async function startStandaloneSandbox(
  dataDir: string,
  accessKey: string,
  seedMessages = 0,
): Promise<ServerProcess & { workspaceId: string }> {
  const server = await spawnServer({
    entry: 'server/sandbox/main.ts',
    args: [
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--rate-limits',
      'off',
      '--access-key',
      accessKey,
      '--seed-messages',
      String(seedMessages),
    ],
    ready: /listening at (\S+)/,
    extraPattern: /workspace id:\s+(\S+)/,
    timeoutMs: 120_000,
  });
  return { ...server, workspaceId: server.extra ?? '' };
}
