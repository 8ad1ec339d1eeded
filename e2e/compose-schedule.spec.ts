import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { messageRows } from './support/messages-page';
import { advanceClock, listMessages, sandboxInfo, sandboxNow, uniqueTag } from './support/sandbox';
import { connectSandbox } from './support/session';

/** `YYYY-MM-DDTHH:mm` in the page's own time zone, as a datetime-local field takes it. */
async function localDateTime(page: Page, ms: number): Promise<string> {
  return page.evaluate((at) => {
    const date = new Date(at);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${String(date.getFullYear())}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
  }, ms);
}

test('a scheduled message shows Scheduled, then Accepted once the sandbox clock reaches its time', async ({
  page,
}) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  // A whole minute at least one minute ahead of both the browser's time and the sandbox's
  // (its manual clock lags or leads the wall clock by whatever the specs moved it).
  const base = Math.max(Date.now(), await sandboxNow(page.request)) + 60_000;
  const scheduledFor = Math.ceil(base / 60_000) * 60_000;
  const tag = uniqueTag('scheduled');
  const text = `See you at the meeting ${tag}`;

  await page.goto('/compose');
  await page.getByRole('radio', { name: /SMS/ }).first().check();
  await page.getByLabel('Default country for local numbers').selectOption('NL');
  const to = page.getByLabel('To', { exact: true });
  await to.fill('+31 6 1234 5611');
  await to.press('Enter');
  await page.getByLabel('Text').fill(text);
  await page.getByLabel('Tags').fill(tag);
  await page.getByLabel(/^Send later at/).fill(await localDateTime(page, scheduledFor));
  await expect(page.getByText(/^in \d+ min/)).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText('Message scheduled.')).toBeVisible();

  const [message] = await listMessages(page.request, info, { tag });
  expect(message).toMatchObject({
    status: 'scheduled',
    scheduledFor: new Date(scheduledFor).toISOString(),
    body: { type: 'text', text: { text } },
  });

  // The list shows it as scheduled, with its content.
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page)).toHaveCount(1);
  await expect(messageRows(page).first()).toContainText(text);
  await expect(messageRows(page).first()).toContainText('Scheduled');

  // The message page too; it keeps refreshing while the message is not final.
  await messageRows(page).first().getByRole('link', { name: text }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outgoing message');
  await expect(page.getByRole('region', { name: 'Content' })).toContainText(text);
  const timeline = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(timeline.first()).toHaveText(/^Scheduled/);

  // To the scheduled time: the message is accepted. (Specs in the other worker move the
  // shared clock too, so it may already be further on its way.) A scheduled message's page
  // asks again only every 30 s, so the operator reloads.
  const now = await sandboxNow(page.request);
  await advanceClock(page.request, Math.max(0, scheduledFor - now));
  const [accepted] = await listMessages(page.request, info, { tag });
  expect(accepted?.status).not.toBe('scheduled');
  await page.reload();
  await expect(timeline.first()).toHaveText(/^Scheduled/);
  await expect(timeline.filter({ hasText: /^Accepted/ })).toHaveCount(1);

  await page.getByRole('link', { name: 'Back to list' }).click();
  await expect(messageRows(page)).toHaveCount(1);
  await expect(messageRows(page).first()).not.toContainText('Scheduled');
});
