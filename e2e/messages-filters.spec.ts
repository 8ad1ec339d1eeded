import { expect, test } from './support/fixtures';
import { connectAndOpenMessages, expectRowsToMatchApi, messageRows } from './support/messages-page';
import {
  CHANNEL,
  advanceClock,
  receiveMessage,
  sandboxInfo,
  sendBatch,
  sendSimpleMessage,
  simpleMessageBody,
  uniquePhone,
  uniqueTag,
} from './support/sandbox';

test('each filter narrows the rows to exactly what the API lists', async ({ page }) => {
  test.slow();
  const info = await sandboxInfo(page.request);
  const tag = uniqueTag('filters');
  const word = `word${tag.slice(-8)}`;
  const [toSms, toWhatsapp, fromContact] = [uniquePhone(), uniquePhone(), uniquePhone()];
  const send = (options: Parameters<typeof sendSimpleMessage>[2]) =>
    sendSimpleMessage(page.request, info, { tags: [tag], ...options });

  await send({ to: toSms, reference: `${tag}-sms` });
  await advanceClock(page.request, 20 * 60_000);
  const whatsapp = await send({
    channelId: CHANNEL.whatsapp,
    to: toWhatsapp,
    reference: `${tag}-wa`,
  });
  await send({
    channelId: CHANNEL.email,
    to: `${tag}@example.com`,
    subject: `Invoice ${word}`,
    reference: `${tag}-mail`,
  });
  await send({ to: uniquePhone('9991'), reference: `${tag}-fails` });
  const batchId = await sendBatch(page.request, info, 'sms-messagebird', [
    simpleMessageBody({
      to: uniquePhone(),
      text: 'Batch one',
      tags: [tag],
      reference: `${tag}-b1`,
    }),
    simpleMessageBody({
      to: uniquePhone(),
      text: 'Batch two',
      tags: [tag],
      reference: `${tag}-b2`,
    }),
  ]);
  await receiveMessage(page.request, info, 'sms-messagebird', fromContact, {
    type: 'text',
    text: { text: 'A question from a contact' },
  });
  await advanceClock(page.request, 60_000);
  const { clock } = await sandboxInfo(page.request);

  // Date presets are relative to now: the browser's now is the sandbox's.
  await page.clock.setFixedTime(new Date(Date.parse(clock.now) + 1_000));
  await connectAndOpenMessages(page);
  const form = page.getByRole('search', { name: 'Message filters' });
  const match = (params: Record<string, string | string[]>) =>
    expectRowsToMatchApi(page, info, params);

  await form.getByLabel('Tag').fill(tag);
  expect(await match({ tag })).toHaveLength(6);

  await form.getByLabel('Channel').selectOption({ label: 'WhatsApp – Customer care (WhatsApp)' });
  expect(await match({ tag, channelId: CHANNEL.whatsapp })).toEqual([`${tag}-wa`]);
  await form.getByLabel('Channel').selectOption({ label: 'All channels (workspace)' });

  await form.getByLabel('Platform').selectOption({ label: 'Email' });
  expect(await match({ tag, platform: 'email-messagebird' })).toEqual([`${tag}-mail`]);
  await form.getByLabel('Platform').selectOption({ label: 'Any platform' });

  await form.getByText('Any status').click();
  // The boxes follow the address, which the router updates a moment after the click.
  await form.getByRole('checkbox', { name: 'Sending failed' }).click();
  await expect(form.getByRole('checkbox', { name: 'Sending failed' })).toBeChecked();
  await form.getByRole('checkbox', { name: 'Delivered' }).click();
  await expect(form.getByRole('checkbox', { name: 'Delivered' })).toBeChecked();
  const failedOrDelivered = await match({ tag, status: ['delivered', 'sending_failed'] });
  expect(failedOrDelivered).toContain(`${tag}-fails`);
  await expect(messageRows(page).filter({ hasText: 'Sending failed' })).toHaveAttribute(
    'data-failed',
    'true',
  );
  await page.getByRole('button', { name: 'Remove Status: Delivered' }).click();
  await page.getByRole('button', { name: 'Remove Status: Sending failed' }).click();

  await form.getByLabel('Order').selectOption({ label: 'Oldest first' });
  const oldest = await match({ tag, reverse: 'true' });
  expect(oldest[0]).toBe(`${tag}-sms`);
  await form.getByLabel('Order').selectOption({ label: 'Newest first' });

  await form.getByLabel('Date').selectOption({ label: 'Last 15 minutes' });
  const recent = await match({
    tag,
    startAt: new Date(Date.parse(clock.now) + 1_000 - 15 * 60_000).toISOString(),
  });
  expect(recent).not.toContain(`${tag}-sms`);
  expect(recent).toContain(`${tag}-fails`);
  await form.getByLabel('Date').selectOption({ label: 'Custom range' });
  await form.getByLabel('Start').fill(whatsapp.createdAt.slice(0, 16));
  await match({ tag, startAt: `${whatsapp.createdAt.slice(0, 16)}:00.000Z` });
  await page.getByRole('button', { name: /^Remove Date:/ }).click();

  await page.getByRole('button', { name: `Remove Tag: ${tag}` }).click();
  await form.getByLabel('To', { exact: true }).fill(toWhatsapp);
  expect(await match({ to: toWhatsapp })).toEqual([`${tag}-wa`]);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await form.getByLabel('Subject').fill(word);
  expect(await match({ subject: word })).toEqual([`${tag}-mail`]);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await form.getByLabel('Batch id').fill(batchId);
  expect(await match({ batchId })).toEqual(expect.arrayContaining([`${tag}-b1`, `${tag}-b2`]));
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await form.getByLabel('From', { exact: true }).fill(fromContact);
  await form.getByLabel('Direction').selectOption({ label: 'Incoming' });
  const incoming = await match({ from: fromContact, direction: 'incoming' });
  expect(incoming).toHaveLength(1);
  await form.getByLabel('Direction').selectOption({ label: 'Outgoing' });
  await expect(
    page.locator('p').filter({ hasText: 'No messages match these filters:' }),
  ).toContainText(`Direction: Outgoing, From: ${fromContact}.`);
  await page.getByRole('main').getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(form.getByLabel('From', { exact: true })).toHaveValue('');
});
