import { z } from '../src/lib/zod';

/** Passed and failed tests of one step, or of the whole run. */
export interface Tally {
  passed: number;
  failed: number;
}

/** A static check (typecheck, lint, format) counts as one test. */
export function tallyStaticCheck(exitCode: number | null): Tally {
  return exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

const count = z.int().check(z.nonnegative());

const vitestReport = z.object({
  numPassedTests: count,
  numFailedTests: count,
  testResults: z.array(
    z.object({
      status: z.string(),
      assertionResults: z.array(z.object({ status: z.string() })),
    }),
  ),
});

/**
 * Vitest's JSON report. A test file that failed without any failed test in it (it did not
 * load, or a hook threw) counts as one failure, so it cannot pass unnoticed.
 */
export function tallyVitest(report: unknown): Tally {
  const parsed = vitestReport.parse(report);
  const brokenFiles = parsed.testResults.filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return { passed: parsed.numPassedTests, failed: parsed.numFailedTests + brokenFiles };
}

const playwrightReport = z.object({
  stats: z.object({ expected: count, unexpected: count, flaky: count }),
  errors: z._default(z.array(z.unknown()), []),
});

/**
 * Playwright's JSON report. Flaky tests passed in the end; each top-level error (a spec
 * that does not load, a web server that does not start) counts as one failure.
 */
export function tallyPlaywright(report: unknown): Tally {
  const parsed = playwrightReport.parse(report);
  return {
    passed: parsed.stats.expected + parsed.stats.flaky,
    failed: parsed.stats.unexpected + parsed.errors.length,
  };
}

export interface RunnerOutcome {
  tally: Tally;
  /** Why the tally has a failure the report itself does not show. */
  note?: string;
}

/**
 * A test runner's tally from its exit code and its report (undefined when it wrote none).
 * A runner that crashed without a readable report, or that failed although its report has
 * no failure, adds one failure, so the summary never claims a clean run that was not.
 */
export function tallyRunner(
  exitCode: number | null,
  report: unknown,
  tally: (report: unknown) => Tally,
): RunnerOutcome {
  if (report === undefined) {
    return { tally: { passed: 0, failed: 1 }, note: 'crashed without writing results' };
  }
  let counted: Tally;
  try {
    counted = tally(report);
  } catch {
    return { tally: { passed: 0, failed: 1 }, note: 'wrote results that could not be read' };
  }
  if (exitCode !== 0 && counted.failed === 0) {
    return {
      tally: { passed: counted.passed, failed: 1 },
      note: `exited with ${exitCode === null ? 'a signal' : `code ${String(exitCode)}`} although no test failed`,
    };
  }
  return { tally: counted };
}

export function sumTallies(tallies: readonly Tally[]): Tally {
  return tallies.reduce(
    (sum, tally) => ({ passed: sum.passed + tally.passed, failed: sum.failed + tally.failed }),
    { passed: 0, failed: 0 },
  );
}

/** The last line of `npm test`. */
export function summaryLine(tally: Tally): string {
  return `${String(tally.passed)} passed, ${String(tally.failed)} failed`;
}
