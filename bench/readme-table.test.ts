import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  END_MARKER,
  figuresMarkdown,
  formatNumber,
  replaceBetweenMarkers,
  START_MARKER,
  updateReadme,
} from './readme-table';
import type { BenchReport } from './types';

const report: BenchReport = {
  node: 'v20.20.2',
  machine: {
    os: 'linux 6.1.0 x64',
    cpuModel: 'Test CPU',
    cores: 2,
    memoryGiB: 23.4,
    node: 'v20.20.2',
    chromium: 'Chromium 140.0.1',
  },
  startedAt: '2026-11-27T18:30:00.000Z',
  durationMs: 754_000,
  results: [
    {
      name: 'sandbox: page of 50 (p95)',
      value: 3.456,
      unit: 'ms',
      target: 50,
      better: 'lower',
      file: 'sandbox.bench.ts',
      ratio: 0.069,
      met: true,
    },
    {
      name: 'proxy | direct throughput',
      value: 0.24248,
      unit: '×',
      target: 0.8,
      better: 'higher',
      file: 'pass-through.bench.ts',
      ratio: 0.303,
      met: false,
    },
  ],
  failures: [],
};

describe('figuresMarkdown', () => {
  it('names the machine, the date and the run time, then one row per figure', () => {
    const block = figuresMarkdown(report);
    expect(block).toContain(
      'Measured 2026-11-27 on 2 cores (Test CPU), 23.4 GiB RAM, linux 6.1.0 x64, Node v20.20.2, Chromium 140.0.1; the whole run took 12 min 34 s.',
    );
    expect(block).toContain('| sandbox: page of 50 (p95) | 3.46 ms | ≤ 50 ms | yes |');
    expect(block).toContain('| proxy \\| direct throughput | 0.242 × | ≥ 0.800 × | **no** |');
    expect(block).not.toContain('failed in this run');
  });

  it('lists the benchmarks that failed', () => {
    const block = figuresMarkdown({ ...report, failures: ['upload.bench.ts: boom'] });
    expect(block).toMatch(/failed in this run:\n\n- upload\.bench\.ts: boom$/);
  });
});

describe('formatNumber', () => {
  it('keeps integers, two decimals from 1, three significant digits below 1', () => {
    expect([
      formatNumber(5000),
      formatNumber(123.4),
      formatNumber(1.234),
      formatNumber(0.01234),
    ]).toEqual(['5000', '123', '1.23', '0.0123']);
  });
});

describe('replaceBetweenMarkers', () => {
  it('replaces only what stands between the markers', () => {
    const text = `# A\n\n${START_MARKER}\nold\n${END_MARKER}\n\n## B\n`;
    expect(replaceBetweenMarkers(text, 'new')).toBe(
      `# A\n\n${START_MARKER}\n\nnew\n\n${END_MARKER}\n\n## B\n`,
    );
  });

  it('refuses a text without both markers in order', () => {
    expect(() => replaceBetweenMarkers('# A\n', 'new')).toThrow(/bench:start/);
    expect(() => replaceBetweenMarkers(`${END_MARKER}\n${START_MARKER}`, 'new')).toThrow();
  });
});

describe('updateReadme', () => {
  let dir = '';
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the figures into the file, formatted as prettier would, and is stable', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'perch-readme-table-'));
    const file = path.join(dir, 'README.md');
    writeFileSync(file, `# Perch\n\n## Performance\n\n${START_MARKER}\n${END_MARKER}\n\n## Next\n`);
    await updateReadme(file, report);
    const once = readFileSync(file, 'utf8');
    expect(once).toMatch(/\| Figure {2,}\| Value {2,}\| Target {2,}\| Met {2,}\|/);
    expect(once).toContain('## Next\n');
    await updateReadme(file, report);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });
});
