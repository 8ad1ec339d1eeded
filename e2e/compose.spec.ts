import type { Page, Route } from '@playwright/test';
import type { Message } from '../src/lib/bird/message';
import { expectAccessibleMessagePage } from './support/messages-page';
import {
  listMessages,
  receiveMessage,
  sendMessage,
  TINY_PNG,
  uploadMedia,
  sandboxInfo,
  type SandboxInfo,
} from './support/sandbox';
import { connectSandbox } from './support/session';
import { expectNoSeriousA11yIssues } from './support/axe';
import { expect, test } from './support/fixtures';
import { naturalWidth } from './support/images';

/** A Dutch mobile number no other test uses, away from the sandbox's magic endings. */
function freshNumber(): { local: string; e164: string } {
  const digits = String(10_000_000 + Math.floor(Math.random() * 8_900_000)).slice(0, 8);
  const safe = digits.replace(/999\d$/, '1234');
  return { local: `06 ${safe.slice(0, 4)} ${safe.slice(4)}`, e164: `+316${safe}` };
}

const SEND_PATH = /\/api\/workspaces\/[^/]+\/channels\/[^/]+\/messages$/;

async function openCompose(page: Page): Promise<SandboxInfo> {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  await page.goto('/compose');
  await expect(page.getByRole('heading', { level: 1, name: 'Compose' })).toBeVisible();
  return info;
}

async function chooseSms(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /SMS/ }).first().check();
  await page.getByLabel('Default country for local numbers').selectOption('NL');
}

async function addRecipient(page: Page, text: string): Promise<void> {
  const input = page.getByLabel('To', { exact: true });
  await input.fill(text);
  await input.press('Enter');
}

/** A WhatsApp message to a fresh Dutch number, given as a local one; returns the number. */
async function startWhatsApp(page: Page): Promise<{ local: string; e164: string }> {
  await page
    .getByRole('radio', { name: /WhatsApp/ })
    .first()
    .check();
  await page.getByLabel('Default country for local numbers').selectOption('NL');
  const number = freshNumber();
  await addRecipient(page, number.local);
  return number;
}

async function messagesWithReference(
  page: Page,
  info: SandboxInfo,
  to: string,
  reference: string,
): Promise<Message[]> {
  const found = await listMessages(page.request, info, { to });
  return found.filter((message) => message.reference === reference);
}

test('an SMS is sent once and found through the API with its content', async ({ page }) => {
  const info = await openCompose(page);
  await chooseSms(page);
  const number = freshNumber();
  await addRecipient(page, number.local);
  await expect(page.getByRole('list', { name: 'To recipients' })).toContainText(number.e164);
  await page.getByLabel('Text').fill('Hello from the composer € 1');
  await expect(page.getByText(/GSM-7 · 27 characters · 1 segment/)).toBeVisible();
  const reference = await page.getByLabel('Reference').inputValue();

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const link = page.getByRole('link', { name: 'View the message' });
  await expect(link).toBeVisible();

  const [message] = await messagesWithReference(page, info, number.e164, reference);
  expect(message?.body).toEqual({ type: 'text', text: { text: 'Hello from the composer € 1' } });
  await expect(link).toHaveAttribute(
    'href',
    `/messages/${message?.channelId ?? ''}/${message?.id ?? ''}`,
  );
  // Ready for the next one: same channel, empty fields, a new reference.
  await expect(page.getByLabel('Text')).toHaveValue('');
  await expect(page.getByLabel('Reference')).not.toHaveValue(reference);
});

test('fields are checked with the shared schemas before anything is sent', async ({ page }) => {
  await openCompose(page);
  await chooseSms(page);
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && SEND_PATH.test(new URL(request.url()).pathname)) posts++;
  });

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByLabel('To', { exact: true })).toHaveAccessibleDescription(
    /add at least one recipient/,
  );
  await expect(page.getByLabel('Text')).toHaveAccessibleDescription(/must not be empty/);

  await addRecipient(page, 'hello');
  await expect(page.getByRole('listitem').filter({ hasText: 'hello' })).toContainText(
    'Invalid: not a phone number',
  );
  await page.getByLabel('Tags').fill('ok, not ok!');
  await expect(page.getByLabel('Tags')).toHaveAccessibleDescription(/"not ok!": may contain only/);
  const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);
  const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 16);
  await page.getByLabel(/Send later at/).fill(local);
  await page.getByLabel('Text').fill('Hi');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByLabel(/Send later at/)).toHaveAccessibleDescription(
    /at most 35 days in the future/,
  );
  await expect(page.getByLabel('To', { exact: true })).toHaveAccessibleDescription(
    /hello: not a phone number/,
  );
  expect(posts).toBe(0);
});

test("a 422's details land on their fields, and the rest above the form", async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 422/);
  await openCompose(page);
  await chooseSms(page);
  const number = freshNumber();
  await addRecipient(page, number.local);
  await page.getByLabel('Text').fill('Refused on purpose');
  await page.route(SEND_PATH, (route: Route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        code: 'InvalidPayload',
        message: 'One or more fields provided in the request body are malformed',
        details: {
          '.receiver.contacts[0].identifierValue': ['is not reachable'],
          '.body.text.text': ['contains a blocked word'],
          '.meta.extraInformation': ['is not allowed here'],
        },
      }),
    }),
  );
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(/Bird refused some fields \(422\)/)).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'To recipients' }).getByRole('listitem'),
  ).toContainText('Invalid: is not reachable');
  await expect(page.getByLabel('Text')).toHaveAccessibleDescription(/contains a blocked word/);
  await expect(page.getByRole('list', { name: 'Other problems' })).toContainText(
    '.meta.extraInformation: is not allowed here',
  );
});

test('a double click sends exactly one message', async ({ page }) => {
  const info = await openCompose(page);
  await chooseSms(page);
  const number = freshNumber();
  await addRecipient(page, number.local);
  await page.getByLabel('Text').fill('Double click');
  const reference = await page.getByLabel('Reference').inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).dblclick();
  await expect(page.getByRole('link', { name: 'View the message' })).toBeVisible();
  expect(await messagesWithReference(page, info, number.e164, reference)).toHaveLength(1);
});

test('a lost answer is resolved by the reference lookup: one message, no resend', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/net::ERR_FAILED/);
  const info = await openCompose(page);
  await chooseSms(page);
  const number = freshNumber();
  await addRecipient(page, number.local);
  await page.getByLabel('Text').fill('Flaky network');
  const reference = await page.getByLabel('Reference').inputValue();
  let sends = 0;
  await page.route(SEND_PATH, async (route: Route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    sends++;
    await route.fetch(); // the server gets it and sends the message...
    await route.abort('failed'); // ...but the answer never reaches the page.
  });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(/the message was found among the channel/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'View the message' })).toBeVisible();
  expect(sends).toBe(1);
  expect(await messagesWithReference(page, info, number.e164, reference)).toHaveLength(1);
});

test('the draft survives a reload and Discard draft clears it', async ({ page }) => {
  await openCompose(page);
  await chooseSms(page);
  const number = freshNumber();
  await addRecipient(page, number.local);
  await page.getByLabel('Text').fill('Keep me');
  const reference = await page.getByLabel('Reference').inputValue();
  await expect(page.getByText('Draft saved in this browser.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Text')).toHaveValue('Keep me');
  await expect(page.getByRole('list', { name: 'To recipients' })).toContainText(number.e164);
  await expect(page.getByLabel('Reference')).toHaveValue(reference);

  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByLabel('Text')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Text')).toHaveValue('');
});

test('the composer passes axe, with chips, counter and errors showing', async ({ page }) => {
  await openCompose(page);
  await chooseSms(page);
  await addRecipient(page, 'nope');
  await page.getByLabel('Text').fill('It’s “fine” 👋');
  await expect(page.getByText(/UCS-2/).first()).toBeVisible();
  await page.getByText('Request preview').click();
  await expectNoSeriousA11yIssues(page);
  await page
    .getByRole('radio', { name: /WhatsApp/ })
    .first()
    .check();
  await page.getByLabel('Message type').selectOption('template');
  await page.getByRole('button', { name: 'Add parameter' }).click();
  await expectNoSeriousA11yIssues(page);
});

test('an email goes to To and Cc with subject, sender and both parts, previewed safely', async ({
  page,
}) => {
  const info = await openCompose(page);
  await page.getByRole('radio', { name: /Email/ }).first().check();
  const to = `ann-${String(Date.now())}@example.com`;
  const toInput = page.getByLabel('To', { exact: true });
  await toInput.fill(`${to} `);
  await page.getByLabel('Cc', { exact: true }).fill('bob@example.com');
  await page.getByLabel('Cc', { exact: true }).press('Enter');
  await page.getByLabel('Subject').fill('Quarterly news');
  await page.getByLabel('Sender user').fill('news');
  await page.getByLabel('Sender name').fill('Perch News');
  await page.getByLabel('HTML body').fill('<p>Hello <b>there</b></p>');
  await page.getByLabel('Plain-text alternative').fill('Hello there');
  await expect(page.locator('iframe[title="Email content"]')).toHaveAttribute(
    'srcdoc',
    /Hello <b>there<\/b>/,
  );
  await expectAccessibleMessagePage(page);
  const reference = await page.getByLabel('Reference').inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('link', { name: 'View the message' })).toBeVisible();

  const [message] = await messagesWithReference(page, info, to, reference);
  expect(message?.receiver).toMatchObject({
    contacts: [
      { identifierValue: to, type: 'to' },
      { identifierValue: 'bob@example.com', type: 'cc' },
    ],
  });
  expect(message?.body).toEqual({
    type: 'html',
    html: {
      html: '<p>Hello <b>there</b></p>',
      text: 'Hello there',
      metadata: {
        subject: 'Quarterly news',
        emailFrom: { username: 'news', displayName: 'Perch News' },
      },
    },
  });
});

test('Duplicate starts from an outgoing message with a new reference', async ({ page }) => {
  const info = await openCompose(page);
  const number = freshNumber();
  const original = await sendMessage(page.request, info, 'sms-messagebird', {
    receiver: { contacts: [{ identifierKey: 'phonenumber', identifierValue: number.e164 }] },
    body: { type: 'text', text: { text: 'Original text' } },
    reference: 'original-ref',
    tags: ['promo'],
  });
  await page.goto(`/messages/${original.channelId}/${original.id}`);
  await page.getByRole('link', { name: 'Duplicate in composer' }).click();
  await expect(page.getByLabel('Text')).toHaveValue('Original text');
  await expect(page.getByRole('list', { name: 'To recipients' })).toContainText(number.e164);
  await expect(page.getByLabel('Tags')).toHaveValue('promo');
  await expect(page.getByLabel('Reference')).not.toHaveValue('original-ref');
  await expect(page).toHaveURL(/\/compose$/);
});

test('Reply answers an incoming message with replyTo', async ({ page }) => {
  const info = await openCompose(page);
  const number = freshNumber();
  const incoming = await receiveMessage(page.request, info, 'sms-messagebird', number.e164, {
    type: 'text',
    text: { text: 'Question?' },
  });
  await page.goto(`/messages/${incoming.channelId}/${incoming.id}`);
  await page.getByRole('link', { name: 'Reply', exact: true }).click();
  await expect(page.getByRole('link', { name: 'the incoming message' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'To recipients' })).toContainText(number.e164);
  await page.getByLabel('Text').fill('Answer.');
  const reference = await page.getByLabel('Reference').inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('link', { name: 'View the message' })).toBeVisible();
  const [reply] = await messagesWithReference(page, info, number.e164, reference);
  expect(reply?.replyTo).toMatchObject({ id: incoming.id, type: 'message' });
});

test('a WhatsApp location and a template are sent as their bodies', async ({ page }) => {
  const info = await openCompose(page);
  const number = await startWhatsApp(page);
  await page.getByLabel('Message type').selectOption('location');
  await page.getByLabel('Latitude').fill('52.3731');
  await page.getByLabel('Longitude').fill('4.8926');
  await page.getByLabel('Place label').fill('Dam Square');
  await page.getByLabel('Address').fill('Dam 1, Amsterdam');
  let reference = await page.getByLabel('Reference').inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('link', { name: 'View the message' })).toBeVisible();
  const [located] = await messagesWithReference(page, info, number.e164, reference);
  expect(located?.body).toEqual({
    type: 'location',
    location: {
      coordinates: { latitude: 52.3731, longitude: 4.8926 },
      location: { label: 'Dam Square', address: 'Dam 1, Amsterdam' },
    },
  });

  await addRecipient(page, number.local);
  await page.getByLabel('Message type').selectOption('template');
  await page.getByLabel('Template project id').fill('5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11');
  await page.getByRole('button', { name: 'Add parameter' }).click();
  await page.getByLabel('Parameter 1 key').fill('name');
  await expect(page.getByLabel('Parameter 1 value')).toHaveAccessibleDescription('Left empty');
  await page.getByLabel('Parameter 1 value').fill('Ann');
  reference = await page.getByLabel('Reference').inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('link', { name: 'View the message' })).toBeVisible();
  const [templated] = await messagesWithReference(page, info, number.e164, reference);
  expect(templated?.template).toMatchObject({
    projectId: '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
    version: 'latest',
    locale: 'en',
    parameters: [{ type: 'string', key: 'name', value: 'Ann' }],
  });
});

test('an image uploaded to the channel is sent with its caption', async ({ page }) => {
  const info = await openCompose(page);
  const mediaUrl = await uploadMedia(page.request, info, 'whatsapp', {
    name: 'tiny.png',
    mimeType: 'image/png',
    buffer: TINY_PNG,
  });
  const number = await startWhatsApp(page);
  await page.getByLabel('Message type').selectOption('image');
  await page.getByLabel('Media URL').fill(mediaUrl);
  await page.getByLabel('Caption').fill('A tiny picture');
  const reference = await page.getByLabel('Reference').inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('link', { name: 'View the message' })).toBeVisible();
  const [sent] = await messagesWithReference(page, info, number.e164, reference);
  expect(sent?.body).toEqual({
    type: 'image',
    image: { images: [{ mediaUrl }], text: 'A tiny picture' },
  });
});

test('429 and 409 refusals are explained and nothing is retried', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of (429|409)/);
  await openCompose(page);
  await chooseSms(page);
  await addRecipient(page, freshNumber().local);
  await page.getByLabel('Text').fill('Refused');
  const answers: { status: number; code: string; headers: Record<string, string> }[] = [
    { status: 429, code: 'TooManyRequests', headers: { 'retry-after': '3' } },
    { status: 409, code: 'Conflict', headers: {} },
  ];
  let posts = 0;
  await page.route(SEND_PATH, (route: Route) => {
    const answer = answers[posts++] ?? answers[1];
    return route.fulfill({
      status: answer?.status,
      headers: answer?.headers,
      contentType: 'application/json',
      body: JSON.stringify({ code: answer?.code, message: 'refused' }),
    });
  });
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await send.click();
  await expect(page.getByRole('alert')).toContainText('Too many requests to Bird right now (429');
  await expect(page.getByRole('alert')).toContainText('send again in 3 seconds');
  await expect(send).toBeEnabled();
  await send.click();
  await expect(page.getByRole('alert')).toContainText('This channel is not active (409)');
  expect(posts).toBe(2);
});

/** A small real PDF. */
const PDF = Buffer.from('%PDF-1.4\n% terms of service\n%%EOF\n');

test('an HTML email with cc and an attachment is sent and its detail page lists the attachment', async ({
  page,
}) => {
  const info = await openCompose(page);
  await page.getByRole('radio', { name: /Email/ }).first().check();
  const to = `att-${String(Date.now())}@example.com`;
  await page.getByLabel('To', { exact: true }).fill(`${to} `);
  await page.getByLabel('Cc', { exact: true }).fill('carol@example.com');
  await page.getByLabel('Cc', { exact: true }).press('Enter');
  await page.getByLabel('Subject').fill('Terms attached');
  await page.getByLabel('HTML body').fill('<p>See the <b>terms</b>.</p>');

  await page.getByLabel('Files to upload').setInputFiles({
    name: 'terms.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  const attachments = page.getByRole('list', { name: 'Attachments' });
  await expect(attachments.getByRole('listitem')).toHaveText(/terms\.pdf.*application\/pdf/);
  // The finished upload left the queue for the form's own list.
  await expect(page.getByRole('list', { name: 'Attach files: uploads' })).toHaveCount(0);
  await expect(
    page.getByText(`1 attachment, ${String(PDF.length)} bytes in all; email takes up to 10 MB.`),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Attached files' })).toContainText('terms.pdf');

  // The draft keeps the attachment across a reload (once written, at most a second later).
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).some((key) => localStorage.getItem(key)?.includes('terms.pdf')),
      ),
    )
    .toBe(true);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('terms.pdf');

  const reference = await page.getByLabel('Reference').inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const view = page.getByRole('link', { name: 'View the message' });
  await expect(view).toBeVisible();
  const [message] = await messagesWithReference(page, info, to, reference);
  expect(message?.body).toMatchObject({
    type: 'html',
    html: {
      html: '<p>See the <b>terms</b>.</p>',
      attachments: [
        { mediaUrl: expect.stringMatching(/\/media\/[0-9a-f-]{36}$/), filename: 'terms.pdf' },
      ],
    },
  });
  expect(message?.receiver).toMatchObject({
    contacts: [
      { identifierValue: to, type: 'to' },
      { identifierValue: 'carol@example.com', type: 'cc' },
    ],
  });

  await view.click();
  const listed = page.getByRole('list', { name: 'Attachments' });
  await expect(listed).toContainText('terms.pdf');
});

test('an image uploaded in the composer fills the body, with the channel fit and a preview', async ({
  page,
}) => {
  const info = await openCompose(page);
  const number = await startWhatsApp(page);
  await page.getByLabel('Message type').selectOption('image');
  await page.getByLabel('Files to upload').setInputFiles({
    name: 'tiny.png',
    mimeType: 'image/png',
    buffer: TINY_PNG,
  });
  const mediaUrl = page.getByLabel('Media URL');
  await expect(mediaUrl).toHaveValue(/\/media\/[0-9a-f-]{36}$/);
  await expect(
    page.getByText(/tiny\.png · \d+ bytes · Fits WhatsApp: images up to 5 MB\./),
  ).toBeVisible();
  const preview = page.getByRole('complementary', { name: 'Previews' }).getByRole('img', {
    name: 'tiny.png',
  });
  await expect(preview).toHaveAttribute('src', /^\/media\/workspaces\//);
  await expect.poll(() => naturalWidth(preview)).toBe(2);

  // A PDF under "Image" is sent as what it is: a file.
  await page.getByLabel('Files to upload').setInputFiles({
    name: 'terms.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(page.getByLabel('Message type')).toHaveValue('file');
  await expect(page.getByLabel('Content type')).toHaveValue('application/pdf');
  await expect(page.getByLabel('File name')).toHaveValue('terms.pdf');
  await page.getByLabel('Caption').fill('The terms');
  const fileUrl = await mediaUrl.inputValue();
  const reference = await page.getByLabel('Reference').inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('link', { name: 'View the message' })).toBeVisible();
  const [sent] = await messagesWithReference(page, info, number.e164, reference);
  expect(sent?.body).toEqual({
    type: 'file',
    file: {
      files: [{ mediaUrl: fileUrl, contentType: 'application/pdf', filename: 'terms.pdf' }],
      text: 'The terms',
    },
  });
});

test('a malformed media link is ignored with a notice', async ({ page }) => {
  await connectSandbox(page);
  await page.goto(
    `/compose?mode=media&mediaUrl=${encodeURIComponent('javascript:alert(1)')}&filename=x.png`,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Ignored from the link' })).toHaveText(
    'Ignored from the link, as malformed: the media URL (not an http(s) URL).',
  );
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByLabel('Text')).toHaveValue('');
});

test('with attachments the composer passes axe; previews stand beside the form on wide screens', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openCompose(page);
  await page.getByRole('radio', { name: /Email/ }).first().check();
  await page.getByLabel('To', { exact: true }).fill('dora@example.com ');
  await page.getByLabel('HTML body').fill('<p>Two files</p>');
  await page.getByLabel('Files to upload').setInputFiles([
    { name: 'terms.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: 'tiny.png', mimeType: 'image/png', buffer: TINY_PNG },
  ]);
  await expect(page.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(
    2,
  );
  await page.getByText('Request preview').click();
  const previews = page.getByRole('complementary', { name: 'Previews' });
  await expect(previews).toContainText('"filename": "tiny.png"');
  await expectAccessibleMessagePage(page);

  const fields = page.getByRole('group', { name: 'Content' });
  const side = async () => (await previews.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  const main = async () => (await fields.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  // Wide: one row, previews to the right of the fields.
  expect((await side()).x).toBeGreaterThanOrEqual((await main()).x + (await main()).width);
  // Narrow: one column, previews below the fields.
  await page.setViewportSize({ width: 800, height: 900 });
  await expect.poll(async () => (await side()).x).toBeLessThan((await main()).x + 1);
  expect((await side()).y).toBeGreaterThan((await main()).y + (await main()).height);
});
