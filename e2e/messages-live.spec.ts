import { expect, test } from './support/fixtures';
import { connectAndOpenMessages, messageRows, shownReferences } from './support/messages-page';
import {
  advanceClock,
  listMessages,
  sandboxInfo,
  sendBatch,
  sendSimpleMessage,
  simpleMessageBody,
  uniquePhone,
  uniqueTag,
} from './support/sandbox';

test('Live shows a message sent through the API at the top, then its status change', async ({
  page,
}) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('live');
  await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-old` });
  await advanceClock(page.request, 60_000);
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Live', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Live', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const to = uniquePhone();
  const fresh = await sendSimpleMessage(page.request, info, {
    tags: [tag],
    reference: `${tag}-new`,
    to,
  });
  await expect(messageRows(page)).toHaveCount(2);
  expect(await shownReferences(page)).toEqual([`${tag}-new`, `${tag}-old`]);
  const row = messageRows(page).first();
  // Other specs may move the shared clock too: the row shows whatever the API says now.
  await expect(async () => {
    const [current] = await listMessages(page.request, info, { tag, to });
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe(current?.status);
  }).toPass({ timeout: 10_000 });
  expect(fresh.status).toBe('accepted');

  await advanceClock(page.request, 60_000);
  const [now] = await listMessages(page.request, info, { tag, to });
  expect(now?.status).toBe('delivered');
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'delivered');
  await expect(row).toContainText('Delivered');
});

test('Live keeps the reader in place when scrolled down, behind an "N new messages" pill', async ({
  page,
}) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('pill');
  await sendBatch(
    page.request,
    info,
    'sms-messagebird',
    Array.from({ length: 40 }, (_, i) =>
      simpleMessageBody({
        to: uniquePhone(),
        text: `Pill ${String(i)}`,
        tags: [tag],
        reference: `${tag}-${String(i).padStart(2, '0')}`,
      }),
    ),
  );
  await advanceClock(page.request, 1_000);
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(
    page.getByRole('status').filter({ hasText: 'All 40 matching messages loaded' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Live', exact: true }).click();

  const scroller = page.locator('.messages-scroll');
  await scroller.evaluate((element) => {
    element.scrollTop = 400;
  });
  const firstRow = page.locator('[data-row-index="10"]');
  await expect(firstRow).toBeAttached();
  const readingBefore = await firstRow.locator('.messages-col-reference').innerText();

  await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-new` });
  const pill = page.getByRole('button', { name: '1 new message' });
  await expect(pill).toBeVisible();
  expect(await scroller.evaluate((element) => element.scrollTop)).toBe(400);
  await expect(firstRow.locator('.messages-col-reference')).toHaveText(readingBefore);

  await pill.click();
  await expect(pill).toBeHidden();
  await expect(page.locator('[data-row-index="0"] .messages-col-reference')).toHaveText(
    `${tag}-new`,
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'All 41 matching messages loaded' }),
  ).toBeVisible();
});
