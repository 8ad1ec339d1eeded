import { describe, expect, it } from 'vitest';
import { runSandboxCli as run, startSandboxProcess } from './http/test-process';
import { sandboxUrl } from './main';

describe('npm run sandbox', () => {
  it('refuses bad values with one line and exit status 2', async () => {
    const flag = await run(['--port', 'http', '--data-dir', ':memory:']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe('perch-sandbox: --port must be a whole number, got "http"\n');
    const env = await run([], { PERCH_SANDBOX_CLOCK: 'slow' });
    expect(env.code).toBe(2);
    expect(env.stderr).toBe(
      'perch-sandbox: PERCH_SANDBOX_CLOCK must be one of real, manual, got "slow"\n',
    );
  });

  it('prints the URL, workspace id and access key, serves Bird paths, stops on SIGTERM', async () => {
    const running = await startSandboxProcess([
      '--port',
      '0',
      '--data-dir',
      ':memory:',
      '--clock',
      'manual',
      '--read-only-key',
      'read-only-key-1',
    ]);
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.accessKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const channels = await fetch(`${running.url}/workspaces/${running.workspaceId}/channels`, {
        headers: { authorization: `AccessKey ${running.accessKey}` },
      });
      expect(channels.status).toBe(200);
      const post = await fetch(`${running.url}/_sandbox/reset`, {
        method: 'POST',
        headers: { authorization: 'AccessKey read-only-key-1' },
      });
      expect(post.status).toBe(403);
    } finally {
      expect(await running.stop('SIGTERM')).toBe(0);
    }
  });

  it('builds printable URLs', () => {
    expect(sandboxUrl('0.0.0.0', 4010)).toBe('http://127.0.0.1:4010');
    expect(sandboxUrl('::', 4010)).toBe('http://[::1]:4010');
    expect(sandboxUrl('localhost', 1)).toBe('http://localhost:1');
  });
});
