import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { z } from '../src/lib/zod';

/** Everything Perch reads from its command line and environment, validated once at start. */
export interface PerchConfig {
  port: number;
  host: string;
  /** Absolute path, or `:memory:` for a throwaway sandbox. */
  dataDir: string;
  /** Extra Host header names served besides the bound host and the loopback names. */
  allowedHosts: string[];
  sandbox: {
    clock: 'real' | 'manual';
    seed: number;
    rateLimits: boolean;
    accessKey: string | undefined;
  };
  birdApi: string;
  birdMedia: string;
  sessionIdleMinutes: number;
}

/** A bad flag or environment value; its message is the one line printed before exit 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type ConfigResult = { kind: 'help'; text: string } | { kind: 'config'; config: PerchConfig };

interface Setting<T> {
  flag?: string;
  env: string;
  defaultValue: string | undefined;
  /** Finishes "must be ..." in the error message. */
  expected: string;
  schema: z.ZodMiniType<T, string>;
  help: string;
}

const integer = (min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.trim(), z.regex(/^\d+$/)), z.transform(Number)),
    z.int().check(z.gte(min), z.lte(max)),
  );

const httpUrl = z.pipe(
  z.url({ protocol: /^https?$/ }),
  z.transform((url: string) => url.replace(/\/+$/, '')),
);

const settings = {
  port: {
    flag: 'port',
    env: 'PERCH_PORT',
    defaultValue: '8080',
    expected: 'an integer from 0 to 65535',
    schema: integer(0, 65535),
    help: 'port to listen on; 0 picks a free one',
  },
  host: {
    flag: 'host',
    env: 'PERCH_HOST',
    defaultValue: '127.0.0.1',
    expected: 'a host name or IP address',
    schema: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9.:-]+$/)),
    help: 'address to listen on',
  },
  dataDir: {
    flag: 'data-dir',
    env: 'PERCH_DATA_DIR',
    defaultValue: './data',
    expected: 'a directory path',
    schema: z.pipe(
      z.string().check(z.trim(), z.minLength(1)),
      z.transform((dir: string) => (dir === ':memory:' ? dir : path.resolve(dir))),
    ),
    help: 'where the sandbox keeps its database and media (:memory: for none)',
  },
  allowedHosts: {
    env: 'PERCH_ALLOWED_HOSTS',
    defaultValue: '',
    expected: 'a comma-separated list of host names',
    schema: z.pipe(
      z.pipe(
        z.string(),
        z.transform((list: string) =>
          list
            .split(',')
            .map((name) => name.trim().toLowerCase())
            .filter((name) => name !== ''),
        ),
      ),
      z.array(z.string().check(z.regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/))),
    ),
    help: 'extra Host names to serve, comma-separated',
  },
  sandboxClock: {
    flag: 'sandbox-clock',
    env: 'PERCH_SANDBOX_CLOCK',
    defaultValue: 'real',
    expected: '"real" or "manual"',
    schema: z.enum(['real', 'manual']),
    help: 'real, or manual (moves only when tests advance it)',
  },
  sandboxSeed: {
    flag: 'sandbox-seed',
    env: 'PERCH_SANDBOX_SEED',
    defaultValue: '5000',
    expected: 'an integer from 0 to 1000000',
    schema: integer(0, 1_000_000),
    help: 'messages seeded into an empty sandbox',
  },
  sandboxRateLimits: {
    flag: 'sandbox-rate-limits',
    env: 'PERCH_SANDBOX_RATE_LIMITS',
    defaultValue: 'on',
    expected: '"on" or "off"',
    schema: z.pipe(
      z.enum(['on', 'off']),
      z.transform((value: 'on' | 'off') => value === 'on'),
    ),
    help: "on or off: enforce Bird's per-workspace rate limits",
  },
  sandboxAccessKey: {
    flag: 'sandbox-access-key',
    env: 'PERCH_SANDBOX_ACCESS_KEY',
    defaultValue: undefined,
    expected: 'a key of 8 to 256 visible characters',
    schema: z.string().check(z.regex(/^[\x21-\x7e]{8,256}$/)),
    help: 'the sandbox access key (default: generated, kept in the data dir)',
  },
  birdApi: {
    env: 'PERCH_BIRD_API',
    defaultValue: 'https://api.bird.com',
    expected: 'an http(s) URL',
    schema: httpUrl,
    help: "Bird's API origin",
  },
  birdMedia: {
    env: 'PERCH_BIRD_MEDIA',
    defaultValue: 'https://media.api.bird.com',
    expected: 'an http(s) URL',
    schema: httpUrl,
    help: "Bird's media origin",
  },
  sessionIdleMinutes: {
    env: 'PERCH_SESSION_IDLE_MINUTES',
    defaultValue: '480',
    expected: 'an integer from 1 to 525600',
    schema: integer(1, 525_600),
    help: 'minutes an unused session stays connected',
  },
} satisfies Record<string, Setting<unknown>>;

type SettingKey = keyof typeof settings;
type Flags = Record<string, string | boolean | (string | boolean)[] | undefined>;
type Values = { [K in SettingKey]: z.output<(typeof settings)[K]['schema']> | undefined };

const flagOptions: NonNullable<ParseArgsConfig['options']> = {
  help: { type: 'boolean', short: 'h' },
};
for (const setting of Object.values(settings) as Setting<unknown>[]) {
  if (setting.flag !== undefined) flagOptions[setting.flag] = { type: 'string' };
}

export interface ConfigOverrides {
  /** How the user started Perch, shown in `--help`. */
  command?: string;
  /** `npm run dev` runs its Perch server on another port by default. */
  defaultPort?: number;
}

function withOverrides(key: SettingKey, overrides: ConfigOverrides): Setting<unknown> {
  const setting: Setting<unknown> = settings[key];
  return key === 'port' && overrides.defaultPort !== undefined
    ? { ...setting, defaultValue: String(overrides.defaultPort) }
    : setting;
}

/** The `--help` text. */
export function helpText(overrides: ConfigOverrides = {}): string {
  const rows = (Object.keys(settings) as SettingKey[]).map((key) => {
    const setting = withOverrides(key, overrides);
    const flag = setting.flag ? `--${setting.flag}` : '';
    const fallback = setting.defaultValue ? ` [${setting.defaultValue}]` : '';
    return `  ${flag.padEnd(24)}${setting.env.padEnd(28)}${setting.help}${fallback}`;
  });
  return [
    `Usage: ${overrides.command ?? 'npm start --'} [options]`,
    '',
    'Options (flags win over environment variables):',
    `  ${'flag'.padEnd(24)}${'environment'.padEnd(28)}meaning [default]`,
    ...rows,
    `  ${'--help, -h'.padEnd(24)}${''.padEnd(28)}show this help`,
  ].join('\n');
}

function parseFlags(argv: readonly string[]): {
  flags: Flags;
} {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: flagOptions,
      strict: true,
      allowPositionals: false,
    });
    return { flags: values };
  } catch (error) {
    throw new ConfigError(describeArgsError(error));
  }
}

function describeArgsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `perch: unknown option ${option ?? message} (see --help)`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `perch: ${option ?? 'an option'} needs a value, e.g. ${option ?? '--port'}=VALUE`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1];
    return `perch: unexpected argument "${argument ?? message}" (options start with --; see --help)`;
  }
  return `perch: ${message}`;
}

function readSetting<T>(setting: Setting<T>, flags: Flags, env: NodeJS.ProcessEnv): T | undefined {
  const fromFlag = setting.flag === undefined ? undefined : flags[setting.flag];
  const fromEnv = env[setting.env];
  let raw: string | undefined;
  let source: string;
  if (typeof fromFlag === 'string') {
    raw = fromFlag;
    source = `--${setting.flag ?? ''}`;
  } else if (fromEnv !== undefined && fromEnv !== '') {
    raw = fromEnv;
    source = setting.env;
  } else {
    raw = setting.defaultValue;
    source = `the default of ${setting.env}`;
  }
  if (raw === undefined) return undefined;
  const parsed = setting.schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      `perch: ${source} must be ${setting.expected}, got ${JSON.stringify(raw)}`,
    );
  }
  return parsed.data;
}

function required<T>(value: T | undefined, key: SettingKey): T {
  if (value === undefined) throw new ConfigError(`perch: ${settings[key].env} is missing`);
  return value;
}

/**
 * Reads flags (`--port 9000` or `--port=9000`) and environment variables; flags win.
 * Throws ConfigError with a one-line message for unknown flags and bad values.
 */
export function parseConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  overrides: ConfigOverrides = {},
): ConfigResult {
  const { flags } = parseFlags(argv);
  if (flags.help === true) return { kind: 'help', text: helpText(overrides) };

  const values = Object.fromEntries(
    (Object.keys(settings) as SettingKey[]).map((key) => [
      key,
      readSetting(withOverrides(key, overrides), flags, env),
    ]),
  ) as Values;

  return {
    kind: 'config',
    config: {
      port: required(values.port, 'port'),
      host: required(values.host, 'host'),
      dataDir: required(values.dataDir, 'dataDir'),
      allowedHosts: required(values.allowedHosts, 'allowedHosts'),
      sandbox: {
        clock: required(values.sandboxClock, 'sandboxClock'),
        seed: required(values.sandboxSeed, 'sandboxSeed'),
        rateLimits: required(values.sandboxRateLimits, 'sandboxRateLimits'),
        accessKey: values.sandboxAccessKey,
      },
      birdApi: required(values.birdApi, 'birdApi'),
      birdMedia: required(values.birdMedia, 'birdMedia'),
      sessionIdleMinutes: required(values.sessionIdleMinutes, 'sessionIdleMinutes'),
    },
  };
}

/**
 * For entry points: the parsed config, or exits — 0 after printing `--help`, 2 after
 * printing the one-line error for a bad flag or value.
 */
export function loadConfigOrExit(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): PerchConfig {
  try {
    const result = parseConfig(argv, env, overrides);
    if (result.kind === 'help') {
      process.stdout.write(`${result.text}\n`);
      process.exit(0);
    }
    return result.config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
