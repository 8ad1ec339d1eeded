import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Tally,
  sumTallies,
  summaryLine,
  tallyPlaywright,
  tallyRunner,
  tallyStaticCheck,
  tallyVitest,
} from './test-summary';

/**
 * `npm test`: typecheck, lint, format, Vitest, Playwright, in that order. Every step runs
 * even after a failure, so that the last line — `N passed, N failed` — covers everything.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface Step {
  name: string;
  command: string;
  args: string[];
  /** A test runner's JSON report; static checks have none and count as one test. */
  report?: { file: string; tally: (report: unknown) => Tally };
}

const steps: Step[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'format', command: bin('prettier'), args: ['--check', '.'] },
  {
    name: 'unit (vitest)',
    command: bin('vitest'),
    args: [
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/unit.json',
    ],
    report: { file: path.join(resultsDir, 'unit.json'), tally: tallyVitest },
  },
  {
    name: 'e2e (playwright)',
    command: bin('playwright'),
    args: ['test'],
    report: { file: path.join(resultsDir, 'e2e.json'), tally: tallyPlaywright },
  },
];

function readReport(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return { unreadable: file };
  }
}

mkdirSync(resultsDir, { recursive: true });
const rows: { name: string; tally: Tally; note?: string }[] = [];

for (const step of steps) {
  if (step.report) rmSync(step.report.file, { force: true });
  process.stdout.write(`\n━━ ${step.name} ━━\n`);
  const run = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit' });
  const exitCode = run.error ? null : run.status;
  if (run.error) process.stderr.write(`could not run ${step.command}: ${run.error.message}\n`);
  if (step.report) {
    const outcome = tallyRunner(exitCode, readReport(step.report.file), step.report.tally);
    rows.push({ name: step.name, ...outcome });
  } else {
    rows.push({ name: step.name, tally: tallyStaticCheck(exitCode) });
  }
}

const total = sumTallies(rows.map((row) => row.tally));
const line = summaryLine(total);
writeFileSync(path.join(resultsDir, 'summary.txt'), `${line}\n`);

process.stdout.write('\n━━ summary ━━\n');
for (const row of rows) {
  const note = row.note ? `  (${row.note})` : '';
  process.stdout.write(
    `  ${row.name.padEnd(18)} ${summaryLine(row.tally).padEnd(22)}${row.tally.failed > 0 ? 'FAILED' : 'ok'}${note}\n`,
  );
}
process.stdout.write(`${line}\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
