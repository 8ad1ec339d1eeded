import type { Page } from '@playwright/test';
import { sessionInfoSchema, type ConnectedSessionInfo } from '../../src/lib/perch/session';
import { expect } from './fixtures';

/** Perch's origin in this run (playwright.config.ts picks the port once, for every worker). */
export function perchOrigin(): string {
  const port = process.env.PERCH_E2E_PORT;
  if (port === undefined) throw new Error('playwright.config.ts sets PERCH_E2E_PORT');
  return `http://127.0.0.1:${port}`;
}

/**
 * Connects the page's browser context to the sandbox through Perch's own `POST /session`,
 * as the Connect page's "Use the sandbox" does (the session cookie lands in the context).
 * A state-changing request must come from Perch's origin, so it carries that Origin.
 */
export async function connectSandbox(page: Page): Promise<ConnectedSessionInfo> {
  const response = await page.request.post('/session', {
    data: { mode: 'sandbox' },
    headers: { origin: perchOrigin() },
  });
  expect(response.status(), await response.text()).toBe(200);
  const session = sessionInfoSchema.parse(await response.json());
  if (!session.connected) throw new Error('POST /session answered without a connection');
  return session;
}
