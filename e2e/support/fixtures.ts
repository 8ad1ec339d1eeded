import { test as base, expect } from '@playwright/test';

/** What the page wrote to the console as an error, or threw without catching. */
export interface ConsoleErrors {
  /** Expects errors matching `pattern` (a test that provokes a failure on purpose). */
  allow(pattern: RegExp): void;
  readonly messages: readonly string[];
}

const SANDBOXED_FRAME_SCRIPT =
  /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

/** What the page's `securitypolicyviolation` listener hands to the test. */
export interface CspViolation {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  documentURI: string;
}

/** The binding the init script reports through (one name, unlikely to clash with the app). */
const CSP_BINDING = '__perchReportCspViolation';

/**
 * Runs in every document of the page before its own scripts. Playwright starts init
 * scripts even in a sandboxed srcdoc frame without allow-scripts (checked in Chromium 156;
 * listeners added there did not fire), so the email frame (`about:srcdoc`), whose own CSP
 * blocks remote content by design, is skipped explicitly: what it blocks is the sender's
 * markup, not Perch's code.
 */
function listenForCspViolations(binding: string): void {
  if (location.protocol === 'about:') return;
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const report = (window as unknown as Record<string, (violation: CspViolation) => unknown>)[
        binding
      ];
      void report?.({
        violatedDirective: event.violatedDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
        documentURI: event.documentURI,
      });
    },
    true,
  );
}

/** The line a violation adds to `consoleErrors.messages`. */
export function describeCspViolation(violation: CspViolation): string {
  const source =
    violation.sourceFile === ''
      ? ''
      : ` from ${violation.sourceFile}:${String(violation.lineNumber)}`;
  return `csp violation: ${violation.violatedDirective} blocked ${violation.blockedURI || '(none)'}${source} in ${violation.documentURI}`;
}

/**
 * Perch's `test`: every test fails when the page logs a console error, throws an uncaught
 * error or leaves a promise rejection unhandled, or when Perch's own documents raise a CSP
 * violation (a `securitypolicyviolation` event), unless the test allowed that error first.
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
      // Chromium reports unhandled promise rejections here too (e2e/suite-guards.spec.ts).
      page.on('pageerror', (error) => {
        messages.push(`uncaught: ${error.name}: ${error.message}`);
      });
      await page.exposeFunction(CSP_BINDING, (violation: CspViolation) => {
        messages.push(describeCspViolation(violation));
      });
      await page.addInitScript(listenForCspViolations, CSP_BINDING);
      await use({
        allow: (pattern) => {
          allowed.push(pattern);
        },
        messages,
      });
      const unexpected = messages.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, 'console errors, uncaught errors and CSP violations in the page').toEqual(
        [],
      );
    },
    { auto: true },
  ],
});

export { expect };
