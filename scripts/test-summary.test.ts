import { describe, expect, it } from 'vitest';
import {
  summaryLine,
  sumTallies,
  tallyPlaywright,
  tallyRunner,
  tallyStaticCheck,
  tallyVitest,
} from './test-summary';

const vitestReport = {
  numTotalTests: 4,
  numPassedTests: 2,
  numFailedTests: 1,
  numPendingTests: 1,
  success: false,
  testResults: [
    {
      name: '/repo/server/a.test.ts',
      status: 'failed',
      assertionResults: [{ status: 'passed' }, { status: 'failed' }, { status: 'skipped' }],
    },
    { name: '/repo/server/b.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
    {
      name: '/repo/server/broken.test.ts',
      status: 'failed',
      message: "Cannot find module './gone'",
      assertionResults: [],
    },
  ],
};

const playwrightReport = {
  config: {},
  suites: [],
  errors: [],
  stats: {
    startTime: '2026-11-27T12:00:00.000Z',
    expected: 5,
    unexpected: 1,
    flaky: 2,
    skipped: 3,
  },
};

describe('tallyStaticCheck', () => {
  it('counts a check as one test', () => {
    expect(tallyStaticCheck(0)).toEqual({ passed: 1, failed: 0 });
    expect(tallyStaticCheck(2)).toEqual({ passed: 0, failed: 1 });
    expect(tallyStaticCheck(null)).toEqual({ passed: 0, failed: 1 });
  });
});

describe('tallyVitest', () => {
  it('counts passed and failed tests, skipped ones not at all', () => {
    expect(
      tallyVitest({ ...vitestReport, testResults: vitestReport.testResults.slice(0, 2) }),
    ).toEqual({ passed: 2, failed: 1 });
  });

  it('counts a test file that failed to load as one failure', () => {
    expect(tallyVitest(vitestReport)).toEqual({ passed: 2, failed: 2 });
  });

  it('rejects something that is not a Vitest report', () => {
    expect(() => tallyVitest({ stats: {} })).toThrow();
  });
});

describe('tallyPlaywright', () => {
  it('counts flaky tests as passed and skipped ones not at all', () => {
    expect(tallyPlaywright(playwrightReport)).toEqual({ passed: 7, failed: 1 });
  });

  it('counts each top-level error (web server, broken spec) as a failure', () => {
    expect(
      tallyPlaywright({
        errors: [{ message: 'Timed out waiting for the web server' }],
        stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      }),
    ).toEqual({ passed: 0, failed: 1 });
  });
});

describe('tallyRunner', () => {
  it('takes the report as it is when the exit code agrees', () => {
    expect(tallyRunner(1, playwrightReport, tallyPlaywright)).toEqual({
      tally: { passed: 7, failed: 1 },
    });
    expect(
      tallyRunner(
        0,
        { ...playwrightReport, stats: { ...playwrightReport.stats, unexpected: 0 } },
        tallyPlaywright,
      ),
    ).toEqual({ tally: { passed: 7, failed: 0 } });
  });

  it('counts a crash without results as one failure', () => {
    expect(tallyRunner(1, undefined, tallyVitest)).toEqual({
      tally: { passed: 0, failed: 1 },
      note: 'crashed without writing results',
    });
  });

  it('counts an unreadable report as one failure', () => {
    expect(tallyRunner(1, { surprise: true }, tallyVitest).tally).toEqual({ passed: 0, failed: 1 });
  });

  it('adds a failure when the runner failed but its report shows none', () => {
    const clean = { ...vitestReport, numFailedTests: 0, testResults: [] };
    expect(tallyRunner(1, clean, tallyVitest)).toEqual({
      tally: { passed: 2, failed: 1 },
      note: 'exited with code 1 although no test failed',
    });
  });
});

describe('the summary', () => {
  it('sums every step into the final line', () => {
    const total = sumTallies([
      tallyStaticCheck(0),
      tallyStaticCheck(1),
      tallyStaticCheck(0),
      { passed: 120, failed: 0 },
      { passed: 30, failed: 2 },
    ]);
    expect(summaryLine(total)).toBe('152 passed, 3 failed');
  });

  it('reads 0 passed, 0 failed for nothing', () => {
    expect(summaryLine(sumTallies([]))).toBe('0 passed, 0 failed');
  });
});
