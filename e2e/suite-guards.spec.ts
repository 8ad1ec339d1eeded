import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * The guards every spec gets from e2e/support/fixtures.ts: a CSP violation in Perch's own
 * page and an unhandled promise rejection are collected, and fail the test unless allowed.
 * The `test.fail` cases are expected to fail; should a guard stop working, they pass
 * unexpectedly and the run fails.
 */

/** Chromium's own console report of a blocked inline script (a console error of its own). */
const CHROMIUM_INLINE_REPORT =
  /(Refused to execute|Executing) inline script (because it )?violates/;
const LISTENER_REPORT =
  /^csp violation: script-src-elem blocked inline in http:\/\/127\.0\.0\.1:\d+\/connect$/;
const REJECTION_REPORT = /^uncaught: Error: deliberately unhandled$/;

async function openConnect(page: Page): Promise<void> {
  await page.goto('/connect');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Appends an inline script, which Perch's CSP (script-src 'self') refuses to run. */
async function injectInlineScript(page: Page): Promise<void> {
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.title = "injected";';
    document.body.append(script);
  });
}

async function rejectUnhandled(page: Page): Promise<void> {
  await page.evaluate(() => {
    void Promise.reject(new Error('deliberately unhandled'));
  });
}

function reported(messages: readonly string[], pattern: RegExp): boolean {
  return messages.some((message) => pattern.test(message));
}

test('a CSP violation in Perch’s page is reported with its directive, blocked URI and page', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(CHROMIUM_INLINE_REPORT);
  consoleErrors.allow(LISTENER_REPORT);
  await openConnect(page);
  await injectInlineScript(page);
  await expect.poll(() => reported(consoleErrors.messages, LISTENER_REPORT)).toBe(true);
  await expect(page).not.toHaveTitle('injected');
});

test.fail('a CSP violation nobody allowed fails the test', async ({ page, consoleErrors }) => {
  // Chromium's console line is allowed: only the securitypolicyviolation listener remains.
  consoleErrors.allow(CHROMIUM_INLINE_REPORT);
  await openConnect(page);
  await injectInlineScript(page);
  await expect.poll(() => reported(consoleErrors.messages, LISTENER_REPORT)).toBe(true);
});

test('an unhandled promise rejection is reported as uncaught', async ({ page, consoleErrors }) => {
  consoleErrors.allow(REJECTION_REPORT);
  await openConnect(page);
  await rejectUnhandled(page);
  await expect.poll(() => reported(consoleErrors.messages, REJECTION_REPORT)).toBe(true);
});

test.fail(
  'an unhandled promise rejection nobody allowed fails the test',
  async ({ page, consoleErrors }) => {
    await openConnect(page);
    await rejectUnhandled(page);
    await expect.poll(() => reported(consoleErrors.messages, REJECTION_REPORT)).toBe(true);
  },
);
