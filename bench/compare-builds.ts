import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from '@playwright/test';
import {
  CPU_THROTTLING,
  LOADED_ROWS,
  MESSAGES,
  SANDBOX_SESSION,
  SCROLL_MS,
  SCROLL_PX_PER_SECOND,
} from './messages-browser.bench';
import {
  type StorageState,
  connectedContext,
  freshContext,
  launchChromium,
  returningOperatorState,
} from './support/browser';
import {
  continuousScroll,
  firstRows,
  installProbes,
  scrollUntilLoaded,
} from './support/messages-page-probes';
import { type ServerProcess, repoRoot, startPerch } from './support/server-process';
import { median } from './support/stats';

/**
 * `npm run bench:compare -- <revision>`: the Messages page built from a git revision against
 * the working tree, side by side in one browser. A figure of `npm run bench` moves from one
 * run to the next by more than most changes move it (the machine's load drifts), so a
 * change is judged here instead: two servers (the revision's in a temporary git worktree,
 * sharing this checkout's node_modules), each seeded like the bench, measured in turns.
 *
 * - first rows painted for a returning operator, visits alternating between the builds;
 * - the bench's throttled scroll, on two pages with 10,000 rows loaded, scrolls alternating.
 */

export interface CompareOptions {
  revision: string;
  visits: number;
  scrolls: number;
}

const USAGE =
  'usage: npm run bench:compare -- <git revision> [--visits N] [--scrolls N]\n' +
  '  compares the Messages page built from <revision> with the working tree';

/** The command line's options, or an error that says what is wrong with it. */
export function parseCompareArgs(args: readonly string[]): CompareOptions {
  const options: CompareOptions = { revision: '', visits: 20, scrolls: 4 };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--visits' || arg === '--scrolls') {
      const value = Number(args[i + 1]);
      if (!Number.isInteger(value) || value < 0 || value > 200) {
        throw new Error(`${arg} takes a whole number from 0 to 200\n${USAGE}`);
      }
      options[arg === '--visits' ? 'visits' : 'scrolls'] = value;
      i += 1;
    } else if (arg.startsWith('-') || options.revision !== '') {
      throw new Error(`unexpected ${JSON.stringify(arg)}\n${USAGE}`);
    } else {
      options.revision = arg;
    }
  }
  if (options.revision === '') throw new Error(USAGE);
  return options;
}

interface Build {
  name: string;
  server: ServerProcess;
  dataDir: string;
}

const SERVER_FLAGS = ['--sandbox-seed', String(MESSAGES), '--sandbox-rate-limits', 'off'];

async function startBuild(name: string, root: string): Promise<Build> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'perch-compare-data-'));
  try {
    return { name, server: await startPerch(dataDir, SERVER_FLAGS, {}, root), dataDir };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function firstPaint(browser: Browser, origin: string, state: StorageState) {
  const context = await freshContext(browser, origin, state);
  try {
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    await page.goto('/messages');
    return (await page.evaluate(firstRows)).paintedAt;
  } finally {
    await context.close();
  }
}

interface LoadedList {
  page: Page;
  cdp: CDPSession;
}

async function loadedList(browser: Browser, origin: string): Promise<LoadedList> {
  const context = await connectedContext(browser, origin, SANDBOX_SESSION);
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  await page.goto('/messages');
  await page.evaluate(firstRows);
  await page.evaluate(scrollUntilLoaded, LOADED_ROWS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return { page, cdp };
}

async function throttledScroll({ page, cdp }: LoadedList) {
  await page.bringToFront();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  try {
    return await page.evaluate(continuousScroll, {
      ms: SCROLL_MS,
      pxPerSecond: SCROLL_PX_PER_SECOND,
    });
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/** Each build in turn, the first one changing every round, `rounds` times. */
async function inTurns<T>(
  builds: readonly Build[],
  rounds: number,
  measure: (build: Build) => Promise<T>,
): Promise<Map<string, T[]>> {
  const results = new Map<string, T[]>(builds.map((build) => [build.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    for (const build of order) results.get(build.name)?.push(await measure(build));
  }
  return results;
}

const print = (line: string) => {
  process.stdout.write(`${line}\n`);
};
const list = (values: readonly number[]) => values.map((value) => value.toFixed(0)).join(', ');

async function compare(options: CompareOptions, builds: readonly Build[]): Promise<void> {
  const browser = await launchChromium();
  try {
    if (options.visits > 0) {
      const states = new Map<string, StorageState>();
      for (const build of builds) {
        const state = await returningOperatorState(browser, build.server.origin, SANDBOX_SESSION);
        states.set(build.name, state);
        // Discarded: the server's first render of the page warms it up.
        await firstPaint(browser, build.server.origin, state);
      }
      const painted = await inTurns(builds, options.visits, (build) => {
        const state = states.get(build.name);
        if (state === undefined) throw new Error(`no returning operator for ${build.name}`);
        return firstPaint(browser, build.server.origin, state);
      });
      print('returning operator, navigation → first rows painted (ms):');
      for (const [name, values] of painted) {
        print(`  ${name}: median ${median(values).toFixed(0)}  [${list(values)}]`);
      }
    }
    if (options.scrolls > 0) {
      const lists = new Map<string, LoadedList>();
      for (const build of builds)
        lists.set(build.name, await loadedList(browser, build.server.origin));
      const scrolls = await inTurns(builds, options.scrolls, (build) => {
        const loaded = lists.get(build.name);
        if (loaded === undefined) throw new Error(`no list for ${build.name}`);
        return throttledScroll(loaded);
      });
      print(`throttled scroll (${String(SCROLL_MS / 1000)} s at ${String(CPU_THROTTLING)}×):`);
      for (const [name, results] of scrolls) {
        print(
          `  ${name}: longest task [${list(results.map((r) => r.longestTask))}] ms, ` +
            `frames [${list(results.map((r) => r.frames))}], ` +
            `frames with placeholders in view [${list(results.map((r) => r.framesWithPlaceholders))}]`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const options = parseCompareArgs(process.argv.slice(2));
  const commit = execFileSync('git', ['rev-parse', '--verify', `${options.revision}^{commit}`], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).trim();
  const worktree = mkdtempSync(path.join(tmpdir(), 'perch-compare-'));
  execFileSync('git', ['worktree', 'add', '--detach', worktree, commit], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  const builds: Build[] = [];
  try {
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(worktree, 'node_modules'));
    builds.push(await startBuild(options.revision, worktree));
    builds.push(await startBuild('working tree', repoRoot));
    await compare(options, builds);
  } finally {
    for (const build of builds) {
      await build.server.stop();
      rmSync(build.dataDir, { recursive: true, force: true });
    }
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: repoRoot });
    rmSync(worktree, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
