import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { BenchReport, BenchRow } from './types';

/**
 * The README's figures come from the latest `npm run bench`: the run rewrites what stands
 * between these two markers, so the README never drifts from `bench/results.json`.
 */
export const START_MARKER = '<!-- bench:start -->';
export const END_MARKER = '<!-- bench:end -->';

/** Short, readable numbers: integers as they are, 3 significant digits below 1. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

/** "≤ 1 ms" or "≥ 0.800 ×": the direction is part of the target. */
export function formatTarget(row: Pick<BenchRow, 'better' | 'target' | 'unit'>): string {
  return `${row.better === 'lower' ? '≤' : '≥'} ${formatNumber(row.target)} ${row.unit}`;
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60
    ? `${String(seconds)} s`
    : `${String(Math.floor(seconds / 60))} min ${String(seconds % 60)} s`;
}

/** Markdown cells must not hold a bare `|`. */
const cell = (text: string) => text.replaceAll('|', '\\|');

/** The block between the markers: where and when it was measured, then the figures. */
export function figuresMarkdown(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Measured ${report.startedAt.slice(0, 10)} on ${String(machine.cores)} cores (${machine.cpuModel}), ` +
      `${String(machine.memoryGiB)} GiB RAM, ${machine.os}, Node ${machine.node}, ${machine.chromium}; ` +
      `the whole run took ${formatDuration(report.durationMs)}.`,
    '',
    '| Figure | Value | Target | Met |',
    '| --- | --- | --- | --- |',
    ...report.results.map(
      (row) =>
        `| ${cell(row.name)} | ${cell(`${formatNumber(row.value)} ${row.unit}`)} | ${cell(formatTarget(row))} | ${row.met ? 'yes' : '**no**'} |`,
    ),
  ];
  if (report.failures.length > 0) {
    lines.push('', 'Benchmarks that failed in this run:', '');
    lines.push(...report.failures.map((failure) => `- ${cell(failure)}`));
  }
  return lines.join('\n');
}

/** Replaces what stands between the markers; throws when they are missing or out of order. */
export function replaceBetweenMarkers(text: string, block: string): string {
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`expected ${START_MARKER} … ${END_MARKER} in the README`);
  }
  return `${text.slice(0, start + START_MARKER.length)}\n\n${block}\n\n${text.slice(end)}`;
}

/** Rewrites the README's figures from `report`, formatted as `prettier --check` expects. */
export async function updateReadme(readmePath: string, report: BenchReport): Promise<void> {
  const text = replaceBetweenMarkers(readFileSync(readmePath, 'utf8'), figuresMarkdown(report));
  const options = (await resolveConfig(readmePath)) ?? {};
  writeFileSync(readmePath, await format(text, { ...options, filepath: readmePath }));
}
