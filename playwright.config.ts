import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, ensureChromium } from './e2e/support/chromium';

/**
 * This file is loaded by the main process and again by every worker. Values that must be
 * the same everywhere (the port, the data dir) are chosen once in the main process and
 * handed to the workers through the environment they inherit.
 */
const isWorker = process.env.TEST_WORKER_INDEX !== undefined;

function freePort(): string {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
    ],
    { encoding: 'utf8' },
  );
  if (probe.status !== 0 || !/^\d+$/.test(probe.stdout)) {
    throw new Error(`Could not find a free port: ${probe.stderr}`);
  }
  return probe.stdout;
}

if (!isWorker && process.env.PERCH_E2E_PORT === undefined) {
  process.env.PERCH_E2E_PORT = freePort();
}
if (!isWorker && process.env.PERCH_E2E_DATA_DIR === undefined) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'perch-e2e-'));
  process.env.PERCH_E2E_DATA_DIR = dataDir;
  process.on('exit', () => {
    rmSync(dataDir, { recursive: true, force: true });
  });
}

// A sandbox key the specs know (key-leak.spec.ts looks for it everywhere the browser can see).
if (!isWorker && process.env.PERCH_E2E_SANDBOX_KEY === undefined) {
  process.env.PERCH_E2E_SANDBOX_KEY = `e2e-${randomBytes(18).toString('base64url')}`;
}

const port = process.env.PERCH_E2E_PORT ?? '';
const dataDir = process.env.PERCH_E2E_DATA_DIR ?? '';
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: process.env.CI !== undefined && process.env.CI !== '',
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: ensureChromium(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    // start.ts rebuilds dist/ first when it is missing or older than the sources.
    command: [
      'node --import tsx server/start.ts',
      `--port ${port} --host 127.0.0.1`,
      `--data-dir ${JSON.stringify(dataDir)}`,
      '--sandbox-clock manual --sandbox-seed 200',
      `--sandbox-access-key ${process.env.PERCH_E2E_SANDBOX_KEY ?? ''}`,
    ].join(' '),
    // Bird itself is out of reach in tests: a closed local port, so "unreachable" is testable.
    env: { PERCH_BIRD_API: 'http://127.0.0.1:1', PERCH_BIRD_MEDIA: 'http://127.0.0.1:1' },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
