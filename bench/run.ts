import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentFacts, planChromium } from '../e2e/support/chromium';
import { textTable } from '../scripts/text-table';
import { formatNumber, formatTarget, updateReadme } from './readme-table';
import type { BenchMachine, BenchReport, BenchResult, BenchRow as Row } from './types';

/**
 * `npm run bench`: imports every `bench/*.bench.ts`, runs them one after another, prints
 * one table and the total time, writes `bench/results.json` (with the machine) and rewrites
 * the figures in README.md between its bench markers.
 */
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const readmePath = path.join(benchDir, '..', 'README.md');

/** The Chromium the browser benchmarks and e2e tests use, found without installing one. */
function chromiumVersion(): string {
  const plan = planChromium(currentFacts());
  if (plan.kind !== 'found') return 'Chromium not found';
  const run = spawnSync(plan.path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  // Debian's build says "Chromium 140.0.1 built on Debian …": the version is what matters.
  const version = run.status === 0 ? run.stdout.replace(/ built on .*/s, '').trim() : '';
  return version === '' ? `Chromium at ${plan.path} (version unknown)` : version;
}

function machine(): BenchMachine {
  const cpus = os.cpus();
  return {
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion(),
  };
}

function toRow(file: string, result: BenchResult): Row {
  const ratio = result.value / result.target;
  const met =
    result.better === 'lower' ? result.value <= result.target : result.value >= result.target;
  return { ...result, file, ratio, met };
}

function table(rows: readonly Row[]): string {
  const header = ['figure', 'value', 'target', 'ratio', ''];
  const body = rows.map((row) => [
    row.name,
    `${formatNumber(row.value)} ${row.unit}`,
    formatTarget(row),
    `${row.ratio.toFixed(2)}×`,
    row.met ? 'ok' : 'MISSED',
  ]);
  return textTable([header, ...body]);
}

function isBenchResult(value: unknown): value is BenchResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  return (
    typeof result.name === 'string' &&
    typeof result.value === 'number' &&
    typeof result.unit === 'string' &&
    typeof result.target === 'number' &&
    (result.better === 'lower' || result.better === 'higher')
  );
}

async function runFile(file: string): Promise<BenchResult[]> {
  const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as {
    run?: unknown;
  };
  if (typeof module.run !== 'function') throw new Error('it does not export run()');
  const results: unknown = await (module.run as () => Promise<unknown>)();
  if (!Array.isArray(results) || !results.every(isBenchResult)) {
    throw new Error('run() must resolve to BenchResult[] (see bench/types.ts)');
  }
  return results;
}

const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();

if (files.length === 0) {
  process.stdout.write('No benchmarks yet: add bench/<name>.bench.ts exporting run().\n');
} else {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const rows: Row[] = [];
  const failures: string[] = [];
  for (const file of files) {
    process.stderr.write(`running ${file}…\n`);
    try {
      rows.push(...(await runFile(file)).map((result) => toRow(file, result)));
    } catch (error) {
      failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const durationMs = performance.now() - started;
  process.stdout.write(`${table(rows)}\n`);
  for (const failure of failures) process.stderr.write(`bench failed: ${failure}\n`);
  const report: BenchReport = {
    node: process.version,
    machine: machine(),
    startedAt,
    durationMs: Math.round(durationMs),
    results: rows,
    failures,
  };
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (existsSync(readmePath)) await updateReadme(readmePath, report);
  process.stdout.write(
    `${String(rows.filter((row) => row.met).length)} of ${String(rows.length)} figures meet their target in ${(durationMs / 60_000).toFixed(1)} min; written to bench/results.json and README.md\n`,
  );
  if (failures.length > 0) process.exitCode = 1;
}
