import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags for a quiet, offline-friendly headless Chromium in containers and CI. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/** Debian's package, the first place looked after `PERCH_CHROMIUM`. */
export const systemChromium = '/usr/bin/chromium';

/** What decides where Chromium comes from; the real values come from `currentFacts()`. */
export interface ChromiumFacts {
  /** `PERCH_CHROMIUM`, when set. */
  override: string | undefined;
  /** Playwright's own browser path (it may not be downloaded). */
  playwrightPath: string | undefined;
  exists: (file: string) => boolean;
  isRoot: boolean;
  isDebian: boolean;
  /** True inside a Playwright worker, which must never install anything. */
  isWorker: boolean;
}

export type ChromiumPlan =
  | { kind: 'found'; path: string }
  | { kind: 'install-with-apt' }
  | { kind: 'missing'; message: string };

/** Decides, without side effects, whether Chromium is there, can be installed, or not. */
export function planChromium(facts: ChromiumFacts): ChromiumPlan {
  if (facts.override !== undefined && facts.override !== '') {
    return facts.exists(facts.override)
      ? { kind: 'found', path: facts.override }
      : {
          kind: 'missing',
          message: `PERCH_CHROMIUM is ${facts.override}, but there is no such file.`,
        };
  }
  for (const candidate of [systemChromium, facts.playwrightPath]) {
    if (candidate !== undefined && facts.exists(candidate))
      return { kind: 'found', path: candidate };
  }
  if (facts.isDebian && facts.isRoot && !facts.isWorker) return { kind: 'install-with-apt' };
  const command = facts.isDebian
    ? 'sudo apt-get install -y chromium'
    : 'npx playwright install chromium';
  return {
    kind: 'missing',
    message: `No Chromium found for the end-to-end tests. Install one with: ${command} (or point PERCH_CHROMIUM at a Chromium or Chrome binary).`,
  };
}

function playwrightChromiumPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export function currentFacts(): ChromiumFacts {
  return {
    override: process.env.PERCH_CHROMIUM,
    playwrightPath: playwrightChromiumPath(),
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync('/etc/debian_version'),
    isWorker: process.env.TEST_WORKER_INDEX !== undefined,
  };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${String(result.status)})`);
  }
}

/**
 * The Chromium binary for Playwright: found, or installed with apt-get when running as
 * root on Debian (main process only). Throws with the command to run otherwise.
 */
export function ensureChromium(facts: ChromiumFacts = currentFacts()): string {
  const plan = planChromium(facts);
  if (plan.kind === 'found') return plan.path;
  if (plan.kind === 'missing') throw new Error(plan.message);
  process.stderr.write('No Chromium found; installing it with apt-get (Debian, root).\n');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  const after = planChromium({ ...facts, isRoot: false });
  if (after.kind === 'found') return after.path;
  throw new Error(`apt-get installed chromium, but ${systemChromium} is still missing.`);
}
