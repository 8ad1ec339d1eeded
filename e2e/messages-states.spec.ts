import { expectNoSeriousA11yIssues } from './support/axe';
import { expect, test } from './support/fixtures';
import { connectAndOpenMessages, messageRows } from './support/messages-page';
import { sandboxInfo, sendSimpleMessage, uniqueTag } from './support/sandbox';

test.use({ timezoneId: 'Europe/Amsterdam' });

test('a 429 shows the error with Retry and a note that Perch waits as asked', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 429/);
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('error');
  await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-1` });
  await connectAndOpenMessages(page);
  // As on a first visit, the browser asks for the list itself (for a returning operator the
  // server sends the first rows in the page, and the answer the route fakes is never asked).
  await page.context().clearCookies({ name: 'perch-view' });

  const limited = '**/api/workspaces/*/messages?*';
  await page.route(limited, (route) =>
    route.fulfill({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '60' },
      body: JSON.stringify({ code: 'TooManyRequests', message: 'Too many requests, retry later' }),
    }),
  );
  await page.goto(`/messages?tag=${tag}`);
  const alert = page.getByRole('alert').filter({ hasText: 'The messages could not be loaded.' });
  await expect(alert).toContainText('too many requests');
  await expect(alert).toContainText('Perch waits 60 seconds as Bird asked');
  await expectNoSeriousA11yIssues(page);

  await page.unroute(limited);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(messageRows(page)).toHaveCount(1);
});

test('times follow the time zone preference, copy on click, and columns resize', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('zone');
  const message = await sendSimpleMessage(page.request, info, {
    tags: [tag],
    reference: `${tag}-1`,
  });
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  const time = messageRows(page).first().locator('.messages-col-createdAt').getByRole('button');
  const utc = message.createdAt.replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
  const amsterdam = new Date(Date.parse(message.createdAt) + 3_600_000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' GMT+1');

  await expect(time).toHaveText(amsterdam);
  await page.getByRole('button', { name: 'UTC', exact: true }).click();
  await expect(page.getByRole('button', { name: 'UTC', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(time).toHaveText(utc);
  const stamp = messageRows(page).first().getByRole('button', { name: utc });
  await expect(stamp).toHaveAttribute('title', /\.\d{3} UTC · click to copy$/);
  await stamp.click();
  await expect(page.getByRole('status').filter({ hasText: /^Copied / })).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    message.createdAt.replace('T', ' ').replace('Z', ' UTC'),
  );
  await page.reload();
  await expect(time).toHaveText(utc);

  const header = page.getByRole('columnheader', { name: 'Channel' });
  const before = (await header.boundingBox())?.width ?? 0;
  await page.getByRole('button', { name: 'Resize the Channel column' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await header.boundingBox())?.width).toBe(before + 32);
});
