import { test as base, expect } from '@playwright/test';

/** What the page wrote to the console as an error, or threw without catching. */
export interface ConsoleErrors {
  /** Expects errors matching `pattern` (a test that provokes a failure on purpose). */
  allow(pattern: RegExp): void;
  readonly messages: readonly string[];
}

const SANDBOXED_FRAME_SCRIPT =
  /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

/**
 * Perch's `test`: every test fails when the page logs a console error or throws an uncaught
 * error (CSP violations included), unless the test allowed that error first.
 */
export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
  consoleErrors: [
    async ({ page }, use) => {
      const messages: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url } = message.location();
        // Playwright's own tracing injects script into every frame, and Chromium reports the
        // attempt in a sandboxed email frame (microsoft/playwright#33343). The frame's
        // contents are checked directly by the XSS suite; the page itself never tries.
        if (url === 'about:srcdoc' && SANDBOXED_FRAME_SCRIPT.test(message.text())) return;
        messages.push(`console.error: ${message.text()}${url ? ` (${url})` : ''}`);
      });
      page.on('pageerror', (error) => {
        messages.push(`uncaught: ${error.name}: ${error.message}`);
      });
      await use({
        allow: (pattern) => {
          allowed.push(pattern);
        },
        messages,
      });
      const unexpected = messages.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, 'console errors and uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
