import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { formatBudgetTable, measureBuild } from './bundle-budget';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'perch-bundle-budget-'));

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

it('keeps the first paint of /messages ≤ 150 KB and every lazy route ≤ 100 KB gzip', async () => {
  const rows = await measureBuild(root, outDir);
  const table = formatBudgetTable(rows);
  process.stdout.write(`\n${table}\n`);
  const over = rows.filter((row) => row.gzipBytes > row.budgetBytes).map((row) => row.name);
  expect(over, `JavaScript over budget:\n${table}`).toEqual([]);
}, 120_000);
