import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Message } from '../../src/lib/bird/message';
import { expect } from './fixtures';
import { listMessages, type SandboxInfo } from './sandbox';

/**
 * The Messages list and a message's page, as the specs drive them: connecting through the
 * Connect page, the list's rows, and opening a message.
 */

/** Connects the page to the sandbox with the Connect page's button and lands on Messages. */
export async function connectAndOpenMessages(page: Page): Promise<void> {
  await page.goto('/connect');
  await page.getByRole('button', { name: 'Use the sandbox' }).click();
  await expect(page).toHaveURL(/\/messages$/);
}

/** The log's rows of messages (not the header, not the footer). */
export function messageRows(page: Page) {
  return page.getByRole('table', { name: 'Messages' }).locator('[data-row-index]');
}

/** The references shown by the rendered rows, top to bottom. */
export async function shownReferences(page: Page): Promise<string[]> {
  return messageRows(page).locator('.messages-col-reference').allInnerTexts();
}

/**
 * Waits until the page's rows are exactly the messages the API lists for `params` (the
 * same order), and returns their references.
 */
export async function expectRowsToMatchApi(
  page: Page,
  info: SandboxInfo,
  params: Record<string, string | string[]>,
): Promise<string[]> {
  let expected: string[] = [];
  await expect(async () => {
    const api = await listMessages(page.request, info, params);
    expected = api.map((message) => message.reference);
    expect(await shownReferences(page)).toEqual(expected);
  }).toPass({ timeout: 10_000 });
  return expected;
}

export function messagePagePath(message: Message): string {
  return `/messages/${message.channelId}/${message.id}`;
}

/** A message's page as opened from the Messages list showing `listSearch`. */
export function messagePagePathInList(message: Message, listSearch: string): string {
  return `${messagePagePath(message)}?${new URLSearchParams({ list: listSearch }).toString()}`;
}

/** Opens a message's page. */
export async function openMessage(page: Page, message: Message): Promise<void> {
  await page.goto(messagePagePath(message));
}

export function pageHeading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** The email frame: a sandbox without scripts, which neither axe nor Playwright can enter. */
export const EMAIL_FRAME = 'iframe[title="Email content"]';

/**
 * support/axe.ts's check (serious and critical violations of WCAG 2.2 A/AA and best
 * practices), leaving out the inside of the email frame: that markup is the sender's, and
 * the frame runs no script, so axe cannot be injected there.
 */
export async function expectAccessibleMessagePage(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude(EMAIL_FRAME)
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** The document the email frame shows, parsed in Perch's page (never inside the frame). */
export async function emailFrameText(page: Page): Promise<{ text: string; html: string }> {
  return page.locator(EMAIL_FRAME).evaluate((frame: HTMLIFrameElement) => {
    const doc = new DOMParser().parseFromString(frame.srcdoc, 'text/html');
    return { text: doc.body.textContent, html: doc.documentElement.outerHTML };
  });
}
