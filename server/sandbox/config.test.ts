import { describe, expect, it } from 'vitest';
import { ConfigError, HelpRequested, loadSandboxConfig } from './config';

describe('loadSandboxConfig', () => {
  it('has defaults', () => {
    expect(loadSandboxConfig([], {})).toEqual({
      port: 4010,
      host: '127.0.0.1',
      dataDir: './data/sandbox',
      accessKey: undefined,
      readOnlyKey: undefined,
      clock: 'real',
      seedMessages: 0,
      rateLimits: true,
    });
  });

  it('reads flags in both forms and lets them win over the environment', () => {
    const config = loadSandboxConfig(
      [
        '--port',
        '5000',
        '--host=0.0.0.0',
        '--data-dir',
        ':memory:',
        '--access-key',
        'key-12345678',
        '--read-only-key=ro-12345678',
        '--clock',
        'manual',
        '--seed-messages',
        '25',
        '--rate-limits',
        'off',
      ],
      { PERCH_SANDBOX_PORT: '6000', PERCH_SANDBOX_CLOCK: 'real' },
    );
    expect(config).toEqual({
      port: 5000,
      host: '0.0.0.0',
      dataDir: ':memory:',
      accessKey: 'key-12345678',
      readOnlyKey: 'ro-12345678',
      clock: 'manual',
      seedMessages: 25,
      rateLimits: false,
    });
  });

  it('reads PERCH_SANDBOX_* variables', () => {
    const config = loadSandboxConfig([], {
      PERCH_SANDBOX_PORT: '0',
      PERCH_SANDBOX_HOST: 'localhost',
      PERCH_SANDBOX_DATA_DIR: '/tmp/x',
      PERCH_SANDBOX_ACCESS_KEY: 'abcdefgh',
      PERCH_SANDBOX_READ_ONLY_KEY: 'ijklmnop',
      PERCH_SANDBOX_CLOCK: 'manual',
      PERCH_SANDBOX_SEED_MESSAGES: '3',
      PERCH_SANDBOX_RATE_LIMITS: 'off',
    });
    expect(config).toMatchObject({
      port: 0,
      host: 'localhost',
      dataDir: '/tmp/x',
      accessKey: 'abcdefgh',
      readOnlyKey: 'ijklmnop',
      clock: 'manual',
      seedMessages: 3,
      rateLimits: false,
    });
  });

  it.each([
    [['--port', '70000'], '--port must be between 0 and 65535, got 70000'],
    [['--port', 'abc'], '--port must be a whole number, got "abc"'],
    [['--clock', 'fast'], '--clock must be one of real, manual, got "fast"'],
    [['--rate-limits', 'maybe'], '--rate-limits must be one of on, off, got "maybe"'],
    [['--seed-messages', '-1'], '--seed-messages must be a whole number, got "-1"'],
    [
      ['--access-key', 'short'],
      '--access-key must be 8-256 visible ASCII characters without spaces',
    ],
    [['--bogus', '1'], 'unknown option --bogus (see --help)'],
    [['stray'], 'unexpected argument "stray" (see --help)'],
    [['--port'], '--port needs a value'],
    [['--port', '--host'], '--port needs a value'],
    [
      ['--access-key', 'same-key-1', '--read-only-key', 'same-key-1'],
      'the read-only key must differ from the access key',
    ],
  ])('refuses %j with one line', (argv, message) => {
    const attempt = (): unknown => loadSandboxConfig(argv, {});
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    expect(message).not.toContain('\n');
  });

  it('names the variable when the environment is wrong', () => {
    expect(() => loadSandboxConfig([], { PERCH_SANDBOX_PORT: 'x' })).toThrow(
      'PERCH_SANDBOX_PORT must be a whole number, got "x"',
    );
  });

  it('answers --help with the usage', () => {
    expect(() => loadSandboxConfig(['--help'], {})).toThrow(HelpRequested);
  });
});
