import type { APIRequestContext, Page } from '@playwright/test';
import { sessionInfoSchema } from '../src/lib/perch/session';
import { channelListSchema } from '../src/lib/bird/channel';
import { expectNoSeriousA11yIssues } from './support/axe';
import { expect, test } from './support/fixtures';

const sandboxKey = process.env.PERCH_E2E_SANDBOX_KEY ?? '';
const keyHint = sandboxKey.slice(-4);
const WORKSPACE_ID = '0b6d71fc-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

function indicator(page: Page) {
  return page.getByRole('banner').getByRole('link', { name: /^(Not connected|Sandbox|Bird)/ });
}

function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** Perch's /session routes take writes from its own origin only. */
function originHeaders(page: Page): Record<string, string> {
  return { origin: new URL(page.url()).origin };
}

async function currentSession(request: APIRequestContext) {
  const response = await request.get('/session');
  expect(response.ok()).toBe(true);
  return sessionInfoSchema.parse(await response.json());
}

async function connectWithSandbox(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use the sandbox' }).click();
  await expect(indicator(page)).toHaveText(`Sandbox · key …${keyHint}`);
}

test.beforeAll(() => {
  expect(sandboxKey, 'playwright.config.ts sets PERCH_E2E_SANDBOX_KEY').not.toBe('');
});

test('without a session the app opens on Connect, with both ways in', async ({ page }) => {
  await page.goto('/');

  await expect(page).toHaveURL(/\/connect$/);
  await expect(heading(page, 'Connect')).toBeVisible();
  await expect(indicator(page)).toHaveText('Not connected');
  await expect(indicator(page)).toHaveAttribute('href', '/connect');
  await expect(page.getByRole('button', { name: 'Use the sandbox' })).toBeVisible();

  const key = page.getByLabel('Access key');
  await expect(key).toHaveAttribute('type', 'password');
  await expect(key).toHaveAccessibleDescription(/Settings → Developer → Access keys/);
  await expect(page.getByLabel('Workspace id')).toHaveAccessibleDescription(
    /workspace settings.*\/workspaces\//,
  );
  await expect(page.getByRole('button', { name: 'Connect to Bird' })).toBeVisible();

  await page.goto('/compose?draft=1');
  await expect(page).toHaveURL(/\/connect\?next=%2Fcompose%3Fdraft%3D1$/);
  await expect(page.getByRole('main')).toContainText('Connect to go on to /compose?draft=1');
});

test('Use the sandbox connects, opens Messages and shows the connection everywhere', async ({
  page,
}) => {
  await page.goto('/connect');
  await connectWithSandbox(page);
  await expect(page).toHaveURL(/\/messages$/);
  await expect(heading(page, 'Messages')).toBeVisible();

  for (const name of ['Compose', 'Media'] as const) {
    await navLink(page, name).click();
    await expect(heading(page, name)).toBeVisible();
    await expect(indicator(page)).toHaveText(`Sandbox · key …${keyHint}`);
  }

  const session = await currentSession(page.request);
  if (!session.connected) throw new Error('expected a session after connecting');
  const channelsResponse = await page.request.get(
    `/api/workspaces/${session.workspaceId}/channels?limit=1000`,
  );
  const channels = channelListSchema.parse(await channelsResponse.json()).results;
  expect(channels.length).toBeGreaterThan(0);

  await indicator(page).click();
  await expect(page).toHaveURL(/\/connect$/);
  await expect(page.getByRole('heading', { name: 'Connected to the sandbox' })).toBeVisible();
  const facts = page.getByRole('definition');
  await expect(facts.filter({ hasText: session.workspaceId })).toHaveCount(1);
  await expect(facts.filter({ hasText: `ending in …${keyHint}` })).toHaveCount(1);

  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Name',
    'Platform',
    'Identifier',
    'Status',
  ]);
  await expect(table.getByRole('row')).toHaveCount(channels.length + 1);
  for (const channel of channels) {
    const row = table.getByRole('row', { name: channel.name });
    await expect(row).toContainText(channel.platformId);
    await expect(row).toContainText(channel.identifier);
    await expect(row).toContainText(channel.status);
  }
});

test('Disconnect returns to not connected, and pages ask to connect again', async ({ page }) => {
  await page.goto('/connect');
  await connectWithSandbox(page);
  await indicator(page).click();

  await page.getByRole('button', { name: 'Disconnect' }).click();

  await expect(indicator(page)).toHaveText('Not connected');
  await expect(page.getByRole('button', { name: 'Use the sandbox' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Disconnected' })).toBeAttached();
  expect(await currentSession(page.request)).toEqual({ connected: false });

  await page.goto('/media');
  await expect(page).toHaveURL(/\/connect\?next=%2Fmedia$/);
});

test('the Bird form checks its fields before sending', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/session') {
      posts.push(request.url());
    }
  });
  await page.goto('/connect');

  await page.getByLabel('Access key').fill('a-key-1234');
  await page.getByLabel('Workspace id').fill('my-workspace');
  await page.getByRole('button', { name: 'Connect to Bird' }).click();

  const workspace = page.getByLabel('Workspace id');
  await expect(workspace).toHaveAttribute('aria-invalid', 'true');
  await expect(workspace).toHaveAccessibleDescription(/A workspace id is a UUID/);
  await expect(workspace).toBeFocused();
  await expect(page.getByLabel('Access key')).toHaveValue('a-key-1234');
  expect(posts).toEqual([]);
});

test('a Bird key that cannot be checked gives a plain error and is cleared', async ({
  page,
  consoleErrors,
}) => {
  // The e2e server's Bird API is a closed local port (playwright.config.ts).
  consoleErrors.allow(/status of 502/);
  await page.goto('/connect?next=%2Fcompose');

  await page.getByLabel('Access key').fill('wrong-key-abcd');
  await page.getByLabel('Workspace id').fill(WORKSPACE_ID);
  await page.getByRole('button', { name: 'Connect to Bird' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Bird is unreachable.');
  await expect(alert).toContainText("could not open a connection to Bird's API");
  await expect(page.getByLabel('Access key')).toHaveValue('');
  await expect(page.getByLabel('Access key')).toBeFocused();
  await expect(page.getByLabel('Workspace id')).toHaveValue(WORKSPACE_ID);
  await expect(indicator(page)).toHaveText('Not connected');
  await expect(page).toHaveURL(/\/connect\?next=%2Fcompose$/);
});

test('a session that expires sends the user to Connect, and back after reconnecting', async ({
  page,
  context,
}) => {
  await page.goto('/connect');
  await connectWithSandbox(page);
  await navLink(page, 'Compose').click();
  await expect(heading(page, 'Compose')).toBeVisible();

  // Expiry: the server forgets the session while the browser keeps its cookie.
  const cookies = await context.cookies();
  const ended = await page.request.delete('/session', { headers: originHeaders(page) });
  expect(ended.status()).toBe(204);
  await context.addCookies(cookies);

  // The operator comes back to the window: the app checks again.
  await page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });

  await expect(page).toHaveURL(/\/connect\?next=%2Fcompose$/);
  await expect(indicator(page)).toHaveText('Not connected');

  await page.getByRole('button', { name: 'Use the sandbox' }).click();
  await expect(page).toHaveURL(/\/compose$/);
  await expect(heading(page, 'Compose')).toBeVisible();
  await expect(indicator(page)).toHaveText(`Sandbox · key …${keyHint}`);
});

test('a next address that leaves Perch is ignored', async ({ page }) => {
  await page.goto('/connect?next=%2F%2Fevil.example%2Fphish');
  await connectWithSandbox(page);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/messages$/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`Connect passes axe in every state, ${colorScheme} theme`, async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 502/);
    await page.emulateMedia({ colorScheme });
    await page.goto('/connect');
    await expect(heading(page, 'Connect')).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Connect to Bird' }).click();
    await expect(page.getByLabel('Access key')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yIssues(page);

    await page.getByLabel('Access key').fill('wrong-key-abcd');
    await page.getByLabel('Workspace id').fill(WORKSPACE_ID);
    await page.getByRole('button', { name: 'Connect to Bird' }).click();
    await expect(page.getByRole('alert')).toContainText('Bird is unreachable.');
    await expectNoSeriousA11yIssues(page);

    await connectWithSandbox(page);
    await indicator(page).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoSeriousA11yIssues(page);
  });
}
