import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';
import {
  CHANNEL,
  connectSandbox,
  listMessages,
  sandboxInfo,
  sendMessage,
  uniqueTag,
} from './messages-sandbox';

test('Export CSV writes exactly the filtered rows, well quoted and formula-safe', async ({
  page,
}) => {
  const { workspaceId } = await sandboxInfo(page.request);
  const tag = uniqueTag('csv');
  await sendMessage(page.request, workspaceId, {
    tags: [tag],
    reference: `${tag}-1`,
    text: '=SUM(1,2)',
  });
  await sendMessage(page.request, workspaceId, {
    tags: [tag],
    reference: `${tag}-2`,
    text: 'Hi, "friend"\nsecond line',
  });
  await sendMessage(page.request, workspaceId, {
    channelId: CHANNEL.whatsapp,
    tags: [tag],
    reference: `${tag}-3`,
  });
  const expected = await listMessages(page.request, workspaceId, { tag, channelId: CHANNEL.sms });
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
