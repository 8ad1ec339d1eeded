import { expectNoSeriousA11yIssues } from './support/axe';
import { expect, test } from './support/fixtures';
import {
  connectSandbox,
  messageRows,
  sandboxInfo,
  sendMessage,
  shownReferences,
  uniqueTag,
} from './messages-sandbox';

test('the log shows the messages of a tag, newest first, with their columns', async ({ page }) => {
  const { workspaceId } = await sandboxInfo(page.request);
  const tag = uniqueTag('columns');
  const first = await sendMessage(page.request, workspaceId, {
    tags: [tag],
    reference: `${tag}-1`,
    text: 'First hello',
  });
  const second = await sendMessage(page.request, workspaceId, {
    tags: [tag],
    reference: `${tag}-2`,
    text: 'Second hello',
  });

  await connectSandbox(page);
  await page.goto(`/messages?tag=${tag}`);
  await expect(messageRows(page)).toHaveCount(2);
  expect(await shownReferences(page)).toEqual([second.reference, first.reference]);
  const row = messageRows(page).first();
  await expect(row).toContainText('Second hello');
  await expect(row).toContainText('SMS – Support line');
  await expect(row.getByRole('link', { name: 'Second hello' })).toHaveAttribute(
    'href',
    `/messages/${second.channelId}/${second.id}`,
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'All 2 matching messages loaded' }),
  ).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});
