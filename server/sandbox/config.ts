/**
 * The standalone sandbox's configuration: `npm run sandbox -- [flags]`, each flag with a
 * `PERCH_SANDBOX_*` environment variable (flags win). Bad values are a `ConfigError` whose
 * message is one line; `main.ts` prints it and exits with status 2.
 */

export interface SandboxConfig {
  port: number;
  host: string;
  dataDir: string;
  accessKey: string | undefined;
  readOnlyKey: string | undefined;
  clock: 'real' | 'manual';
  seedMessages: number;
  rateLimits: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Asked for `--help`: print `usage` and exit 0. */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
}

type Key = keyof SandboxConfig;

const options: Record<string, { key: Key; env: string }> = {
  port: { key: 'port', env: 'PERCH_SANDBOX_PORT' },
  host: { key: 'host', env: 'PERCH_SANDBOX_HOST' },
  'data-dir': { key: 'dataDir', env: 'PERCH_SANDBOX_DATA_DIR' },
  'access-key': { key: 'accessKey', env: 'PERCH_SANDBOX_ACCESS_KEY' },
  'read-only-key': { key: 'readOnlyKey', env: 'PERCH_SANDBOX_READ_ONLY_KEY' },
  clock: { key: 'clock', env: 'PERCH_SANDBOX_CLOCK' },
  'seed-messages': { key: 'seedMessages', env: 'PERCH_SANDBOX_SEED_MESSAGES' },
  'rate-limits': { key: 'rateLimits', env: 'PERCH_SANDBOX_RATE_LIMITS' },
};

export const usage = `Usage: npm run sandbox -- [options]

Serves Bird's Channels messaging API at the root of http://HOST:PORT.

  --port N               port to listen on (0 = any free port)   PERCH_SANDBOX_PORT (4010)
  --host HOST            interface to bind                       PERCH_SANDBOX_HOST (127.0.0.1)
  --data-dir DIR         where the SQLite file and media live    PERCH_SANDBOX_DATA_DIR (./data/sandbox)
                         (':memory:' keeps everything in memory)
  --access-key KEY       the workspace's access key              PERCH_SANDBOX_ACCESS_KEY (generated, stored)
  --read-only-key KEY    a second key that may only read         PERCH_SANDBOX_READ_ONLY_KEY
  --clock real|manual    manual: time moves only via POST /_sandbox/clock/advance
                                                                 PERCH_SANDBOX_CLOCK (real)
  --seed-messages N      messages seeded into an empty database  PERCH_SANDBOX_SEED_MESSAGES (0)
  --rate-limits on|off   50 GET/s and 500 POST/s per workspace   PERCH_SANDBOX_RATE_LIMITS (on)
  --help                 show this help
`;

const keyPattern = /^[\x21-\x7e]{8,256}$/;

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${raw}`);
  }
  return value;
}

function key(name: string, raw: string): string {
  if (!keyPattern.test(raw)) {
    throw new ConfigError(`${name} must be 8-256 visible ASCII characters without spaces`);
  }
  return raw;
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((value) => value === raw);
  if (found === undefined) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return found;
}

/** Splits argv into `--name value` / `--name=value` pairs, refusing anything else. */
function parseArgs(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') throw new HelpRequested(usage);
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument "${arg}" (see --help)`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!(name in options)) throw new ConfigError(`unknown option --${name} (see --help)`);
    let value: string | undefined;
    if (eq === -1) {
      value = argv[i + 1];
      i += 1;
    } else {
      value = arg.slice(eq + 1);
    }
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new ConfigError(`--${name} needs a value`);
    }
    flags.set(name, value);
  }
  return flags;
}

export function loadSandboxConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): SandboxConfig {
  const flags = parseArgs(argv);
  const raw = (name: string): { label: string; value: string } | undefined => {
    const option = options[name];
    if (option === undefined) return undefined;
    const flag = flags.get(name);
    if (flag !== undefined) return { label: `--${name}`, value: flag };
    const fromEnv = env[option.env];
    if (fromEnv !== undefined && fromEnv !== '') return { label: option.env, value: fromEnv };
    return undefined;
  };

  const port = raw('port');
  const host = raw('host');
  const dataDir = raw('data-dir');
  const accessKey = raw('access-key');
  const readOnlyKey = raw('read-only-key');
  const clock = raw('clock');
  const seed = raw('seed-messages');
  const rateLimits = raw('rate-limits');

  if (host !== undefined && !/^[\w.:[\]-]+$/.test(host.value)) {
    throw new ConfigError(`${host.label} must be a host name or IP address, got "${host.value}"`);
  }
  if (dataDir?.value.trim() === '') throw new ConfigError(`${dataDir.label} must not be blank`);

  const config: SandboxConfig = {
    port: port === undefined ? 4010 : integer(port.label, port.value, 0, 65535),
    host: host?.value ?? '127.0.0.1',
    dataDir: dataDir?.value ?? './data/sandbox',
    accessKey: accessKey === undefined ? undefined : key(accessKey.label, accessKey.value),
    readOnlyKey: readOnlyKey === undefined ? undefined : key(readOnlyKey.label, readOnlyKey.value),
    clock: clock === undefined ? 'real' : oneOf(clock.label, clock.value, ['real', 'manual']),
    seedMessages: seed === undefined ? 0 : integer(seed.label, seed.value, 0, 1_000_000),
    rateLimits:
      rateLimits === undefined
        ? true
        : oneOf(rateLimits.label, rateLimits.value, ['on', 'off']) === 'on',
  };
  if (config.readOnlyKey !== undefined && config.readOnlyKey === config.accessKey) {
    throw new ConfigError('the read-only key must differ from the access key');
  }
  return config;
}
