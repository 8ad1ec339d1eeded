import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type PerchConfig } from './config';

function config(argv: string[] = [], env: NodeJS.ProcessEnv = {}): PerchConfig {
  const result = parseConfig(argv, env);
  if (result.kind !== 'config') throw new Error('expected a config');
  return result.config;
}

function errorOf(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseConfig(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    expect(config()).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      allowedHosts: [],
      sandbox: { clock: 'real', seed: 5000, rateLimits: true, accessKey: undefined },
      birdApi: 'https://api.bird.com',
      birdMedia: 'https://media.api.bird.com',
      sessionIdleMinutes: 480,
    });
  });

  it('reads both flag forms', () => {
    expect(config(['--port', '9000']).port).toBe(9000);
    expect(config(['--port=9001']).port).toBe(9001);
    expect(config(['--port=0']).port).toBe(0);
  });

  it('reads environment variables, and flags win over them', () => {
    const env = { PERCH_PORT: '7000', PERCH_HOST: '0.0.0.0', PERCH_SANDBOX_CLOCK: 'manual' };
    expect(config([], env)).toMatchObject({
      port: 7000,
      host: '0.0.0.0',
      sandbox: { clock: 'manual' },
    });
    expect(config(['--port', '7001', '--sandbox-clock=real'], env)).toMatchObject({
      port: 7001,
      sandbox: { clock: 'real' },
    });
  });

  it('reads every sandbox flag', () => {
    expect(
      config([
        '--sandbox-clock',
        'manual',
        '--sandbox-seed',
        '200',
        '--sandbox-rate-limits',
        'off',
        '--sandbox-access-key',
        'test-key-123',
      ]).sandbox,
    ).toEqual({ clock: 'manual', seed: 200, rateLimits: false, accessKey: 'test-key-123' });
  });

  it('resolves the data dir but keeps :memory:', () => {
    expect(config(['--data-dir', 'some/dir']).dataDir).toBe(path.resolve('some/dir'));
    expect(config(['--data-dir', ':memory:']).dataDir).toBe(':memory:');
  });

  it('splits, trims and lower-cases PERCH_ALLOWED_HOSTS', () => {
    expect(
      config([], { PERCH_ALLOWED_HOSTS: ' Perch.Example.com, ,box.lan ' }).allowedHosts,
    ).toEqual(['perch.example.com', 'box.lan']);
  });

  it('reads the Bird origins without a trailing slash, and the idle minutes', () => {
    expect(
      config([], {
        PERCH_BIRD_API: 'http://127.0.0.1:9999/',
        PERCH_BIRD_MEDIA: 'http://127.0.0.1:9998',
        PERCH_SESSION_IDLE_MINUTES: '15',
      }),
    ).toMatchObject({
      birdApi: 'http://127.0.0.1:9999',
      birdMedia: 'http://127.0.0.1:9998',
      sessionIdleMinutes: 15,
    });
  });

  it('treats an empty environment variable as unset', () => {
    expect(config([], { PERCH_PORT: '' }).port).toBe(8080);
  });

  it('names the flag, the expectation and the value in one line', () => {
    expect(errorOf(['--port', 'abc'])).toBe(
      'perch: --port must be an integer from 0 to 65535, got "abc"',
    );
    expect(errorOf(['--port=70000'])).toBe(
      'perch: --port must be an integer from 0 to 65535, got "70000"',
    );
    expect(errorOf([], { PERCH_PORT: '-1' })).toBe(
      'perch: PERCH_PORT must be an integer from 0 to 65535, got "-1"',
    );
    expect(errorOf(['--sandbox-clock', 'fast'])).toBe(
      'perch: --sandbox-clock must be "real" or "manual", got "fast"',
    );
    expect(errorOf(['--sandbox-rate-limits', 'yes'])).toBe(
      'perch: --sandbox-rate-limits must be "on" or "off", got "yes"',
    );
    expect(errorOf([], { PERCH_BIRD_API: 'ftp://bird' })).toBe(
      'perch: PERCH_BIRD_API must be an http(s) URL, got "ftp://bird"',
    );
    expect(errorOf([], { PERCH_ALLOWED_HOSTS: 'ok.lan,http://bad' })).toMatch(
      /^perch: PERCH_ALLOWED_HOSTS must be/,
    );
  });

  it('refuses unknown flags, missing values and stray arguments', () => {
    expect(errorOf(['--prot', '80'])).toBe('perch: unknown option --prot (see --help)');
    expect(errorOf(['--port'])).toBe('perch: --port needs a value, e.g. --port=VALUE');
    expect(errorOf(['8080'])).toBe(
      'perch: unexpected argument "8080" (options start with --; see --help)',
    );
  });

  it('every error is a single line', () => {
    for (const argv of [['--x'], ['--port', 'x'], ['a b']]) {
      expect(errorOf(argv)).not.toContain('\n');
    }
  });

  it('answers --help with every flag and variable', () => {
    const result = parseConfig(['--help'], {}, { defaultPort: 8081, command: 'npm run dev --' });
    expect(result.kind).toBe('help');
    if (result.kind !== 'help') return;
    expect(result.text).toContain('Usage: npm run dev -- [options]');
    expect(result.text).toMatch(/--port\s+PERCH_PORT\s+.*\[8081\]/);
    for (const name of [
      '--host',
      '--data-dir',
      'PERCH_ALLOWED_HOSTS',
      '--sandbox-clock',
      '--sandbox-seed',
      '--sandbox-rate-limits',
      '--sandbox-access-key',
      'PERCH_BIRD_API',
      'PERCH_BIRD_MEDIA',
      'PERCH_SESSION_IDLE_MINUTES',
    ]) {
      expect(result.text).toContain(name);
    }
  });

  it('lets npm run dev choose another default port, still overridable', () => {
    expect(parseConfig([], {}, { defaultPort: 8081 })).toMatchObject({ config: { port: 8081 } });
    expect(parseConfig([], { PERCH_PORT: '9' }, { defaultPort: 8081 })).toMatchObject({
      config: { port: 9 },
    });
  });
});
