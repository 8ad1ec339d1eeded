import type { Page } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/axe';
import { expect, test } from './support/fixtures';
import { connectAndOpenMessages, messageRows } from './support/messages-page';
import { sandboxInfo, sendSimpleMessage, uniquePhone, uniqueTag } from './support/sandbox';

/**
 * A returning operator's /messages arrives with its first rows in the HTML, rendered by the
 * server from the preferences their browser reported (the perch-view cookie). These tests
 * hold the app's code back, so what shows is what the server sent, and then let it run.
 */

const APP_ENTRY = '**/assets/index-*.js';

/**
 * Reloads (or goes to `path`) with the app's code held back; returns a function that lets it
 * load and run.
 */
async function loadWithoutTheApp(page: Page, path?: string): Promise<() => Promise<void>> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(APP_ENTRY, async (route) => {
    await held;
    await route.continue();
  });
  await (path === undefined
    ? page.reload({ waitUntil: 'commit' })
    : page.goto(path, { waitUntil: 'commit' }));
  return async () => {
    release();
    await expect(page.locator('#root')).not.toHaveAttribute('inert');
  };
}

test("the first rows are in the page's HTML, and the app takes over from them", async ({
  page,
}) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('server');
  await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-1` });
  await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-2` });
  await connectAndOpenMessages(page);
  const response = page.waitForResponse((r) => r.url().endsWith(`/messages?tag=${tag}`));
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page)).toHaveCount(2);
  const policy = (await (await response).allHeaders())['content-security-policy'] ?? '';
  expect(policy).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+';/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("script-src 'self';");

  const release = await loadWithoutTheApp(page);
  await expect(messageRows(page)).toHaveCount(2);
  await expect(messageRows(page).filter({ hasText: `${tag}-2` })).toHaveCount(1);
  await expect(page.getByText('All 2 matching messages loaded')).toBeVisible();
  // Nothing works before the app does: the page is inert, not a trap for clicks.
  await expect(page.locator('#root')).toHaveAttribute('inert', '');

  await release();
  await page.getByRole('combobox', { name: 'Direction' }).selectOption('incoming');
  await expect(page).toHaveURL(/direction=incoming/);
  await expect(page.getByText('No messages match these filters:')).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});

test('the address npm start prints (/) leads a returning operator to the rendered page', async ({
  page,
}) => {
  const info = await sandboxInfo(page.request);
  await sendSimpleMessage(page.request, info, { reference: uniqueTag('root') });
  await connectAndOpenMessages(page);
  const release = await loadWithoutTheApp(page, '/');
  await expect(page).toHaveURL(/\/messages$/);
  // No app code has run, yet the rows are there: the server sent them.
  await expect(messageRows(page).first()).toBeVisible();
  await expect(page.locator('#root')).toHaveAttribute('inert', '');
  await release();
});

test('in privacy mode the server sends the rows masked', async ({ page }) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('masked');
  const to = uniquePhone();
  await sendSimpleMessage(page.request, info, { tags: [tag], to, text: 'Secret plans' });
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await page.getByRole('button', { name: 'Privacy mode' }).click();
  await expect(page.getByRole('button', { name: 'Privacy mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const release = await loadWithoutTheApp(page);
  await expect(messageRows(page)).toHaveCount(1);
  await expect(messageRows(page).first()).toContainText('hidden content');
  // Nowhere in the page's markup, titles included (the data block is not shown).
  const markup = await page.locator('#root').innerHTML();
  expect(markup).toContain('data-row-index');
  expect(markup).not.toContain('Secret plans');
  expect(markup).not.toContain(to);
  await release();
  await expect(messageRows(page).first()).not.toContainText('Secret plans');
});

test('message text cannot break out of the data the page carries', async ({ page }) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('breakout');
  const text = `</script><script src="/x.js"></script><img src=x onerror="window.pwned=1"> ${tag}`;
  await sendSimpleMessage(page.request, info, { tags: [tag], text });
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page)).toHaveCount(1);
  await page.reload();
  await expect(messageRows(page).first()).toContainText(text);
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
});

test('without JavaScript, a returning operator still reads the first rows', async ({
  browser,
  page,
  baseURL,
}) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('nojs');
  await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-1` });
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page)).toHaveCount(1);

  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  try {
    const plain = await context.newPage();
    await plain.goto(`/messages?tag=${tag}`);
    await expect(messageRows(plain)).toHaveCount(1);
    await expect(messageRows(plain).first()).toContainText(`${tag}-1`);
    await expect(plain.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  } finally {
    await context.close();
  }
});
