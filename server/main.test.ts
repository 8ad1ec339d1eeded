import { describe, expect, it } from 'vitest';
import { type PerchConfig, parseConfig } from './config';
import { StartupError, listenErrorMessage, perchUrl, startPerch } from './main';

function testConfig(argv: string[]): PerchConfig {
  const result = parseConfig(['--data-dir', ':memory:', ...argv], {});
  if (result.kind !== 'config') throw new Error('expected a config');
  return result.config;
}

describe('startPerch', () => {
  it('listens on a free port and reports the real URL', async () => {
    const server = await startPerch(testConfig(['--port', '0']), { distDir: null, logger: false });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.url).not.toMatch(/:0$/);
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('can be closed twice', async () => {
    const server = await startPerch(testConfig(['--port', '0']), { distDir: null, logger: false });
    await Promise.all([server.close(), server.close()]);
  });

  it('explains a taken port in one line', async () => {
    const first = await startPerch(testConfig(['--port', '0']), { distDir: null, logger: false });
    try {
      const port = new URL(first.url).port;
      const second = startPerch(testConfig(['--port', port]), { distDir: null, logger: false });
      await expect(second).rejects.toBeInstanceOf(StartupError);
      await expect(second).rejects.toThrow(
        `perch: 127.0.0.1:${port} is already in use; stop the other server or pick another port with --port`,
      );
    } finally {
      await first.close();
    }
  });
});

describe('perchUrl', () => {
  it.each([
    ['127.0.0.1', 8080, 'http://127.0.0.1:8080'],
    ['localhost', 9000, 'http://localhost:9000'],
    ['0.0.0.0', 8080, 'http://127.0.0.1:8080'],
    ['::', 8080, 'http://[::1]:8080'],
    ['::1', 8080, 'http://[::1]:8080'],
  ])('prints %s:%d as %s', (host, port, url) => {
    expect(perchUrl(host, port)).toBe(url);
  });
});

describe('listenErrorMessage', () => {
  it('names the cause and the fix', () => {
    const config = { host: '127.0.0.1', port: 80 };
    expect(listenErrorMessage({ code: 'EACCES' }, config)).toBe(
      'perch: not allowed to listen on 127.0.0.1:80; pick a port above 1023 with --port',
    );
    expect(listenErrorMessage({ code: 'EADDRNOTAVAIL' }, { host: '10.9.9.9', port: 1 })).toBe(
      'perch: 10.9.9.9 is not an address of this machine; pick another with --host',
    );
    expect(listenErrorMessage(new Error('odd'), config)).toBe('perch: could not start: odd');
  });
});
