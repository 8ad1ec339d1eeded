import type { Page } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/axe';
import { expect, test } from './support/fixtures';
import { connectSandbox } from './support/session';

const CHANNEL_ID = '3f1c8f7e-2a4b-4c1d-9e2f-7a6b5c4d3e21';
const MESSAGE_ID = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const PAGES = [
  { path: '/messages', heading: 'Messages' },
  { path: `/messages/${CHANNEL_ID}/${MESSAGE_ID}`, heading: 'Message not found' },
  { path: '/compose', heading: 'Compose' },
  { path: '/media', heading: 'Media' },
  { path: '/connect', heading: 'Connect' },
  { path: '/no-such-page', heading: 'Page not found' },
] as const;

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

function connectionLink(page: Page) {
  return page.getByRole('banner').getByRole('link', { name: /^Sandbox/ });
}

// Every page but Connect asks for a connection first; the shell is tried connected.
test.beforeEach(async ({ page }) => {
  await connectSandbox(page);
});

function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

test('opens on Messages, with the top bar, the landmarks and the page title', async ({ page }) => {
  await page.goto('/');

  await expect(page).toHaveURL(/\/messages$/);
  await expect(heading(page, 'Messages')).toBeVisible();
  await expect(page).toHaveTitle('Messages · Perch');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Every message of the workspace');
  await expect(page.getByRole('link', { name: 'Perch', exact: true })).toHaveAttribute(
    'href',
    '/messages',
  );
  await expect(navLink(page, 'Messages')).toHaveAttribute('aria-current', 'page');
  await expect(connectionLink(page)).toHaveAttribute('href', '/connect');
});

test('moves between pages with the mouse and marks the current one', async ({ page }) => {
  await page.goto('/messages');

  await navLink(page, 'Compose').click();
  await expect(page).toHaveURL(/\/compose$/);
  await expect(heading(page, 'Compose')).toBeVisible();
  await expect(page).toHaveTitle('Compose · Perch');
  await expect(navLink(page, 'Compose')).toHaveAttribute('aria-current', 'page');
  await expect(navLink(page, 'Messages')).not.toHaveAttribute('aria-current');

  await navLink(page, 'Media').click();
  await expect(heading(page, 'Media')).toBeVisible();
  await expect(navLink(page, 'Media')).toHaveAttribute('aria-current', 'page');

  await connectionLink(page).click();
  await expect(page).toHaveURL(/\/connect$/);
  await expect(heading(page, 'Connect')).toBeVisible();

  await page.getByRole('link', { name: 'Perch', exact: true }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(heading(page, 'Messages')).toBeVisible();
});

test('moves between pages with the keyboard, focus landing on the new content', async ({
  page,
}) => {
  await page.goto('/messages');
  await expect(heading(page, 'Messages')).toBeVisible();

  const skipLink = page.getByRole('link', { name: 'Skip to content' });
  await page.keyboard.press('Tab');
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Perch', exact: true })).toBeFocused();
  await expect(skipLink).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(navLink(page, 'Messages')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(navLink(page, 'Compose')).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/compose$/);
  await expect(heading(page, 'Compose')).toBeVisible();
  await expect(navLink(page, 'Compose')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the skip link takes keyboard focus past the top bar', async ({ page }) => {
  await page.goto('/compose');
  await expect(heading(page, 'Compose')).toBeVisible();

  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/\/compose$/);
});

test('the browser back and forward buttons move through visited pages', async ({ page }) => {
  await page.goto('/messages');
  await navLink(page, 'Compose').click();
  await expect(heading(page, 'Compose')).toBeVisible();
  await navLink(page, 'Media').click();
  await expect(heading(page, 'Media')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/compose$/);
  await expect(heading(page, 'Compose')).toBeVisible();
  await expect(navLink(page, 'Compose')).toHaveAttribute('aria-current', 'page');

  await page.goBack();
  await expect(heading(page, 'Messages')).toBeVisible();

  await page.goForward();
  await expect(page).toHaveURL(/\/compose$/);
  await expect(heading(page, 'Compose')).toBeVisible();
});

test('a message address shows the ids it names', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/); // the made-up message is looked up, and not found
  await page.goto(`/messages/${CHANNEL_ID}/${MESSAGE_ID}`);

  await expect(heading(page, 'Message not found')).toBeVisible();
  await expect(page.getByRole('main')).toContainText(MESSAGE_ID);
  await expect(page.getByRole('main')).toContainText(CHANNEL_ID);
  await expect(page).toHaveTitle('Message not found · Perch');
  await expect(navLink(page, 'Messages')).toHaveAttribute('aria-current', 'page');
});

test('an unknown address shows "Page not found" with the path and a way back', async ({ page }) => {
  await page.goto('/messages/only-one-id');

  await expect(heading(page, 'Page not found')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('/messages/only-one-id');
  await expect(page).toHaveTitle('Page not found · Perch');

  await page.getByRole('link', { name: 'Back to Messages' }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(heading(page, 'Messages')).toBeVisible();
});

test('a page whose code fails to load explains why, and Retry brings it back', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/Failed to load resource/);
  consoleErrors.allow(/dynamically imported module/); // React reports the error it caught
  const mediaChunk = '**/assets/media-*.js';
  await page.route(mediaChunk, (route) => route.abort('internetdisconnected'));
  await page.goto('/messages');
  await expect(heading(page, 'Messages')).toBeVisible();

  await navLink(page, 'Media').click();

  await expect(heading(page, 'Something went wrong')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('dynamically imported module');
  await expect(page.getByRole('banner')).toBeVisible();

  await page.unroute(mediaChunk);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(heading(page, 'Media')).toBeVisible();
  await expect(page).toHaveURL(/\/media$/);
});

test('follows the system theme until one is picked, then remembers the pick', async ({ page }) => {
  const root = page.locator('html');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/messages');
  await expect(root).toHaveAttribute('data-theme', 'dark');

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(root).toHaveAttribute('data-theme', 'light');
  const lightBackground = await page
    .locator('body')
    .evaluate((body) => getComputedStyle(body).backgroundColor);

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(() => page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor))
    .not.toBe(lightBackground);
  const toLight = page.getByRole('button', { name: 'Switch to light theme' });
  await expect(toLight).toBeVisible();

  await page.reload();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(toLight).toBeVisible();

  await navLink(page, 'Compose').click();
  await expect(heading(page, 'Compose')).toBeVisible();
  await expect(root).toHaveAttribute('data-theme', 'dark');

  await toLight.click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(root).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
});

test('a remembered theme is in place before the app has loaded, so it never flashes', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/messages');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();

  // Hold back the app's code: what shows meanwhile is what a slow load would paint first.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const appEntry = '**/assets/index-*.js';
  await page.route(appEntry, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: 'commit' });

  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(14, 17, 22)');
  // What shows is the server's render of the page (a returning operator's), in the theme
  // the browser reported: its toggle already offers the way back to light.
  await expect(page.locator('#root')).toHaveAttribute('inert', '');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();

  release();
  await expect(heading(page, 'Messages')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.unroute(appEntry);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page passes axe in the ${colorScheme} theme`, async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 404/); // the made-up message is looked up, and not found
    await page.emulateMedia({ colorScheme });
    for (const { path, heading: name } of PAGES) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(heading(page, name)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        await expectNoSeriousA11yIssues(page);
      });
    }
  });
}
