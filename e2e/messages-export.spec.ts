import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Download } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { connectSandbox } from './support/session';
import {
  CHANNEL,
  listMessages,
  sandboxInfo,
  sendBatch,
  sendSimpleMessage,
  simpleMessageBody,
  uniquePhone,
  uniqueTag,
} from './support/sandbox';

test('Export CSV writes exactly the filtered rows, well quoted and formula-safe', async ({
  page,
}) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('csv');
  await sendSimpleMessage(page.request, info, {
    tags: [tag],
    reference: `${tag}-1`,
    text: '=SUM(1,2)',
  });
  await sendSimpleMessage(page.request, info, {
    tags: [tag],
    reference: `${tag}-2`,
    text: 'Hi, "friend"\nsecond line',
  });
  await sendSimpleMessage(page.request, info, {
    channelId: CHANNEL.whatsapp,
    tags: [tag],
    reference: `${tag}-3`,
  });
  const expected = await listMessages(page.request, info, { tag, channelId: CHANNEL.sms });
  expect(expected).toHaveLength(2);

  await connectSandbox(page);
  await page.goto(`/messages?tag=${tag}&channel=${CHANNEL.sms}`);
  await expect(
    page.getByRole('status').filter({ hasText: 'All 2 matching messages loaded' }),
  ).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^perch-messages-.*\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 messages' })).toBeVisible();

  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(text).toContain('\r\n');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((row) => row.id)).toEqual(expected.map((message) => message.id));
  expect(parsed.data.map((row) => row.reference)).toEqual(expected.map((m) => m.reference));
  const byReference = new Map(parsed.data.map((row) => [row.reference, row]));
  expect(byReference.get(`${tag}-1`)?.content).toBe("'=SUM(1,2)");
  expect(byReference.get(`${tag}-2`)?.content).toBe('Hi, "friend" second line');
  expect(byReference.get(`${tag}-2`)?.channel).toBe('SMS – Support line');
  expect(byReference.get(`${tag}-2`)?.tags).toBe(tag);
});

test('Cancel stops an export part-way: the page in flight is dropped, nothing is saved, and the page says so', async ({
  page,
}) => {
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('cancel');
  const items = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) =>
      simpleMessageBody({
        to: uniquePhone(),
        text: `Cancel me ${String(from + i)}`,
        tags: [tag],
        reference: `${tag}-${String(from + i)}`,
      }),
    );
  // 250 rows: the export reads 100 a page, so three pages.
  await sendBatch(page.request, info, 'sms-messagebird', items(0, 100));
  await sendBatch(page.request, info, 'sms-messagebird', items(100, 100));
  await sendBatch(page.request, info, 'sms-messagebird', items(200, 50));
  expect(await listMessages(page.request, info, { tag })).toHaveLength(250);

  await connectSandbox(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(
    page.getByRole('status').filter({ hasText: '50 messages loaded, more below' }),
  ).toBeVisible();

  // The export's pages (100 each; the list asks for 50): the first passes, the second is
  // held, so that Cancel lands while a page is in flight.
  const exportPages = /\/api\/workspaces\/[^/]+\/messages\?.*limit=100/;
  const asked: string[] = [];
  const secondPageHeld = new Promise<void>((resolve) => {
    void page.route(exportPages, async (route) => {
      asked.push(route.request().url());
      if (!route.request().url().includes('pageToken=')) {
        await route.continue();
        return;
      }
      // Held, never answered: Cancel has to drop it in flight.
      resolve();
    });
  });
  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    if (exportPages.test(request.url())) failed.push(request.url());
  });
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));

  await page.getByRole('button', { name: 'Export CSV' }).click();
  await secondPageHeld;
  const exporting = page.getByRole('status').filter({ hasText: 'Exporting: 100 messages' });
  await expect(exporting.getByRole('progressbar')).toHaveAttribute('value', '100');
  await page.getByRole('button', { name: 'Cancel export' }).click();

  const ended = page.getByRole('status').filter({ hasText: 'Export cancelled' });
  await expect(ended).toHaveText(/Export cancelled after 100 messages; nothing was saved\./);
  await expect(ended.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  // The page in flight was dropped by the browser, not answered and ignored.
  await expect.poll(() => failed).toEqual([asked[1]]);

  // Nothing asked after it, and no file.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await expect(ended).toBeVisible();
  expect(asked).toHaveLength(2);
  expect(downloads).toEqual([]);
});
