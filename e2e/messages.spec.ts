import { expectNoSeriousA11yIssues } from './support/axe';
import { expect, test } from './support/fixtures';
import {
  connectAndOpenMessages,
  expectRowsToMatchApi,
  messageRows,
  shownReferences,
} from './support/messages-page';
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

test('the log shows the messages of a tag, newest first, with their columns', async ({ page }) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('columns');
  const first = await sendSimpleMessage(page.request, info, {
    tags: [tag],
    reference: `${tag}-1`,
    text: 'First hello',
  });
  await advanceClock(page.request, 1_000);
  const second = await sendSimpleMessage(page.request, info, {
    tags: [tag],
    reference: `${tag}-2`,
    text: 'Second hello',
  });

  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page)).toHaveCount(2);
  expect(await shownReferences(page)).toEqual([second.reference, first.reference]);
  const row = messageRows(page).first();
  await expect(row).toContainText('Second hello');
  await expect(row).toContainText('SMS – Support line');
  await expect(row.getByRole('link', { name: 'Second hello' })).toHaveAttribute(
    'href',
    // The link carries the list it belongs to, for Previous / Next on the message page.
    `/messages/${second.channelId}/${second.id}?${new URLSearchParams({ list: `tag=${tag}` }).toString()}`,
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'All 2 matching messages loaded' }),
  ).toBeVisible();

  // Every status colour, failed rows tinted, in both themes; and a preview longer than its
  // cell, whose link must stay inside the cell (axe's target-size caught it reaching under
  // the status column's buttons).
  await sendSimpleMessage(page.request, info, {
    tags: [tag],
    text: `A long preview ${'that goes on and on '.repeat(8)}until it is cut short.`,
  });
  await page.goto(
    '/messages?status=delivered&status=delivery_failed&status=sending_failed&status=sent',
  );
  await expect(messageRows(page).first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yIssues(page);
});

test('filters round-trip through the address: reload, Back, and bad values ignored with a notice', async ({
  page,
}) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('url');
  await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-a` });
  await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-b` });
  await connectAndOpenMessages(page);
  const form = page.getByRole('search', { name: 'Message filters' });

  await form.getByLabel('Tag').fill(tag);
  await expect(page).toHaveURL(new RegExp(`\\?tag=${tag}$`));
  await form.getByLabel('Order').selectOption({ label: 'Oldest first' });
  await expect(page).toHaveURL(new RegExp(`\\?tag=${tag}&order=oldest$`));
  await expectRowsToMatchApi(page, info, { tag, reverse: 'true' });

  await page.reload();
  await expect(form.getByLabel('Tag')).toHaveValue(tag);
  await expect(form.getByLabel('Order')).toHaveValue('oldest');
  await expect(page.getByRole('button', { name: 'Remove Order: Oldest first' })).toBeVisible();
  await expectRowsToMatchApi(page, info, { tag, reverse: 'true' });

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?tag=${tag}$`));
  await expect(form.getByLabel('Order')).toHaveValue('newest');
  await expectRowsToMatchApi(page, info, { tag });

  await page.goto(`/messages?tag=${tag}&status=exploded&channel=nope&range=forever`);
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'Part of the address was not understood' });
  await expect(notice).toContainText('Ignored status "exploded"');
  await expect(notice).toContainText('Ignored channel "nope": must be a UUID');
  await expect(notice).toContainText('Ignored date range "forever"');
  await expectRowsToMatchApi(page, info, { tag });
  await notice.getByRole('button', { name: 'Remove them from the address' }).click();
  await expect(page).toHaveURL(new RegExp(`/messages\\?tag=${tag}$`));
  await expect(notice).toBeHidden();
});

test('scrolling reaches the end of a known set with no duplicates or gaps', async ({ page }) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('scroll');
  const items = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) =>
      simpleMessageBody({
        to: uniquePhone(),
        text: `Scroll ${String(from + i)}`,
        tags: [tag],
        reference: `${tag}-${String(from + i).padStart(3, '0')}`,
      }),
    );
  await sendBatch(page.request, info, 'sms-messagebird', items(0, 100));
  await sendBatch(page.request, info, 'sms-messagebird', items(100, 30));
  const expected = (await listMessages(page.request, info, { tag })).map((m) => m.reference);
  expect(expected).toHaveLength(130);

  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page).first()).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: '50 messages loaded, more below' }),
  ).toBeVisible();

  const scroller = page.locator('.messages-scroll');
  const seen = new Map<number, string>();
  // The window renders about 10 rows plus 8 either side: steps of 15 overlap. Waiting for a
  // row past the previous window's end, and for the placeholders a scroll leaves until the
  // list comes to rest, makes sure the whole new window is drawn.
  const placeholders = page.locator('.messages-placeholder-row');
  for (let index = 0; ; index += 15) {
    await scroller.evaluate((element, top) => {
      element.scrollTop = top;
    }, index * 40);
    const row = page.locator(`[data-row-index="${String(Math.min(index + 9, 129))}"]`);
    await expect(row).toBeAttached();
    await expect(placeholders).toHaveCount(0);
    const pairs = await messageRows(page).evaluateAll((rows) =>
      rows.map(
        (row) =>
          [
            Number(row.getAttribute('data-row-index')),
            row.querySelector('.messages-col-reference')?.textContent ?? '',
          ] as const,
      ),
    );
    for (const [at, reference] of pairs) {
      const before = seen.get(at);
      if (before !== undefined) expect(before).toBe(reference);
      seen.set(at, reference);
    }
    if (index >= 129) break;
  }
  await expect(page.getByText('End of list · 130 messages')).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'All 130 matching messages loaded' }),
  ).toBeVisible();
  const shown = [...seen.entries()].sort(([a], [b]) => a - b).map(([, reference]) => reference);
  expect([...seen.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 130 }, (_, i) => i));
  expect(new Set(shown).size).toBe(130);
  expect(shown).toEqual(expected);
});

test('the keyboard moves through the rows and opens one', async ({ page }) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('keys');
  for (const n of [1, 2, 3]) {
    await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-${String(n)}` });
  }
  const expected = await listMessages(page.request, info, { tag });
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page)).toHaveCount(3);
  const selected = page.locator('[data-selected="true"]');

  await page.keyboard.press('j');
  await expect(selected).toHaveAttribute('data-row-index', '0');
  await expect(selected.getByRole('link')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(selected).toHaveAttribute('data-row-index', '2');
  await page.keyboard.press('k');
  await expect(selected).toHaveAttribute('data-row-index', '1');
  await page.keyboard.press('Escape');
  await expect(selected).toHaveCount(0);

  await page.keyboard.press('/');
  await expect(page.getByRole('search').getByLabel('Subject')).toBeFocused();
  await page.getByRole('search').getByLabel('Subject').blur();

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const second = expected[1];
  if (second === undefined) throw new Error('three messages were sent');
  await expect(page).toHaveURL(
    `/messages/${second.channelId}/${second.id}?${new URLSearchParams({ list: `tag=${tag}` }).toString()}`,
  );
});

test('the keyboard brings a row from below the fold into view and focuses it', async ({ page }) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('fold');
  for (let n = 1; n <= 40; n += 1) {
    await sendSimpleMessage(page.request, info, { tags: [tag], reference: `${tag}-${String(n)}` });
  }
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(
    page.getByRole('status').filter({ hasText: 'All 40 matching messages loaded' }),
  ).toBeVisible();
  const selected = page.locator('[data-selected="true"]');
  for (let n = 0; n < 35; n += 1) await page.keyboard.press('j');
  await expect(selected).toHaveAttribute('data-row-index', '34');
  await expect(selected).toBeInViewport();
  await expect(selected.getByRole('link')).toBeFocused();
  await page.keyboard.press('k');
  await expect(selected).toHaveAttribute('data-row-index', '33');
  await expect(selected.getByRole('link')).toBeFocused();
  // Back up past the rows on screen: the row shows below the table's header, not under it.
  for (let n = 0; n < 30; n += 1) await page.keyboard.press('k');
  await expect(selected).toHaveAttribute('data-row-index', '3');
  await expect(selected.getByRole('link')).toBeFocused();
  const header = await page.getByRole('columnheader', { name: 'Created' }).boundingBox();
  const row = await selected.boundingBox();
  expect(row?.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0) - 1);
});

test('saved views, the column chooser and privacy mode', async ({ page }) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('views');
  const to = uniquePhone();
  await sendSimpleMessage(page.request, info, {
    tags: [tag],
    reference: `${tag}-1`,
    to,
    text: 'Secret plans',
  });
  await connectAndOpenMessages(page);
  await page.goto(`/messages?tag=${tag}&order=oldest`);
  const table = page.getByRole('table', { name: 'Messages' });
  await expect(messageRows(page)).toHaveCount(1);

  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Reference' }).uncheck();
  await expect(table.getByRole('columnheader', { name: 'Reference' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Content' })).toBeDisabled();
  await page.getByText('Columns', { exact: true }).click();

  await page.getByText('Saved views', { exact: true }).click();
  await page.getByLabel('View name').fill('Oldest of my tag');
  await page.getByRole('button', { name: 'Save current view' }).click();
  await expect(page.getByText('Saved "Oldest of my tag".')).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Reference' }).check();
  await page.getByText('Columns', { exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Reference' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Oldest of my tag', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`\\?tag=${tag}&order=oldest$`));
  await expect(table.getByRole('columnheader', { name: 'Reference' })).toHaveCount(0);
  await page.reload();
  await expect(messageRows(page)).toHaveCount(1);
  await expect(table.getByRole('columnheader', { name: 'Reference' })).toHaveCount(0);

  const row = messageRows(page).first();
  await expect(row).toContainText('Secret plans');
  await expect(row).toContainText(to);
  await page.getByRole('button', { name: 'Privacy mode' }).click();
  await expect(page.getByRole('button', { name: 'Privacy mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(row).not.toContainText('Secret plans');
  await expect(row).not.toContainText(to);
  await expect(row).toContainText('hidden content');
  await page.getByRole('button', { name: 'Privacy mode' }).click();
  await expect(row).toContainText('Secret plans');

  await page.getByText('Saved views', { exact: true }).click();
  await page.getByRole('button', { name: 'Delete view Oldest of my tag' }).click();
  await expect(page.getByText('No saved views yet.')).toBeVisible();
});

test('typing in a text filter replaces the history entry instead of adding one per keystroke', async ({
  page,
}) => {
  await connectAndOpenMessages(page);
  const tag = page.getByRole('search', { name: 'Message filters' }).getByLabel('Tag');
  await tag.fill('ab');
  await expect(page).toHaveURL(/\/messages\?tag=ab$/);
  await tag.press('End');
  await tag.pressSequentially('c');
  await expect(page).toHaveURL(/\/messages\?tag=abc$/);
  await tag.pressSequentially('d');
  await expect(page).toHaveURL(/\/messages\?tag=abcd$/);
  await tag.blur();
  await page.goBack();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(tag).toHaveValue('');
});
