import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Test helpers: the standalone sandbox (`server/sandbox/main.ts`) as a child process. */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const entry = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface SandboxProcess {
  child: ChildProcess;
  url: string;
  workspaceId: string;
  accessKey: string;
  /** Sends `signal` and resolves with the exit code (null when killed by a signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

function spawnSandbox(args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the sandbox and waits for its banner (URL, workspace id, access key). */
export function startSandboxProcess(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<SandboxProcess> {
  const child = spawnSandbox(args, env);
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /listening at (http:\/\/\S+)/.exec(out)?.[1];
      const workspaceId = /workspace id:\s+(\S+)/.exec(out)?.[1];
      const accessKey = /access key:\s+(\S+)/.exec(out)?.[1];
      if (url !== undefined && workspaceId !== undefined && accessKey !== undefined) {
        resolve({
          child,
          url,
          workspaceId,
          accessKey,
          async stop(signal) {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            const [code] = await exited;
            return code;
          },
        });
      }
    });
    void exited.then(([code]) => {
      reject(new Error(`the sandbox exited (${String(code)}) before starting: ${err}${out}`));
    });
  });
}

/** Runs the CLI to completion and collects its output. */
export async function runSandboxCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnSandbox(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
