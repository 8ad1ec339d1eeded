import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types';

/**
 * `npm run bench`: imports every `bench/*.bench.ts`, runs them one after another, prints
 * one table and writes `bench/results.json`.
 */
const benchDir = path.dirname(fileURLToPath(import.meta.url));

interface Row extends BenchResult {
  file: string;
  /** value / target. */
  ratio: number;
  met: boolean;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
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
    `${row.better === 'lower' ? '≤' : '≥'} ${formatNumber(row.target)} ${row.unit}`,
    `${row.ratio.toFixed(2)}×`,
    row.met ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((cells) => (cells[column] ?? '').length)),
  );
  return [header, ...body]
    .map((cells) =>
      cells
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
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
  process.stdout.write(`${table(rows)}\n`);
  for (const failure of failures) process.stderr.write(`bench failed: ${failure}\n`);
  writeFileSync(
    path.join(benchDir, 'results.json'),
    `${JSON.stringify({ node: process.version, results: rows, failures }, null, 2)}\n`,
  );
  process.stdout.write(
    `${String(rows.filter((row) => row.met).length)} of ${String(rows.length)} figures meet their target; written to bench/results.json\n`,
  );
  if (failures.length > 0) process.exitCode = 1;
}
