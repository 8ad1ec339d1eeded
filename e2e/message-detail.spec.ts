import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  emailFrameText,
  EMAIL_FRAME,
  expectAccessibleMessagePage,
  messagePagePath,
  messagePagePathInList,
  openMessage,
  pageHeading,
} from './support/messages-page';
import {
  advanceClock,
  listMessages,
  receiveMessage,
  sandboxInfo,
  sandboxNow,
  sendBatch,
  sendMessage,
  TINY_PNG,
  uploadMedia,
} from './support/sandbox';
import { connectSandbox } from './support/session';
import { naturalWidth } from './support/images';

/** The sandbox's time between two lifecycle steps (server/sandbox/lifecycle/plan.ts). */
const STEP_MS = 300;

function content(page: Page) {
  return page.getByRole('region', { name: 'Content' });
}

function timeline(page: Page) {
  return page.getByRole('list', { name: 'Timeline' });
}

/** A phone number no other spec uses, ending in the given magic suffix. */
function phone(suffix: string): string {
  const middle = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `+3161${middle}${suffix}`;
}

test('every body type renders, media through /media, links shown in full', async ({
  page,
  consoleErrors,
}) => {
  // One image points at media the sandbox does not have: the browser logs its 404.
  consoleErrors.allow(/status of 404 \(Not Found\) \(http:\/\/[^)]*\/media\/workspaces\//);
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const to = { receiver: { contacts: [{ identifierValue: phone('1234') }] } };
  const image = await uploadMedia(page.request, info, 'whatsapp', {
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: TINY_PNG,
  });
  const pdf = await uploadMedia(page.request, info, 'whatsapp', {
    name: 'invoice.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });

  const text = await sendMessage(page.request, info, 'sms-messagebird', {
    ...to,
    body: { type: 'text', text: { text: 'Line one\nSee https://example.com/a?b=1 now' } },
    reference: 'order-77',
    tags: ['Spring Sale', 'vip'],
  });
  await openMessage(page, text);
  await expect(pageHeading(page)).toHaveText('Outgoing message');
  const link = content(page).getByRole('link', { name: 'https://example.com/a?b=1' });
  await expect(link).toHaveAttribute('href', 'https://example.com/a?b=1');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(content(page)).toContainText('Line one');
  await expect(page.getByRole('link', { name: 'spring sale' })).toHaveAttribute(
    'href',
    '/messages?tag=spring+sale',
  );
  await expect(page.getByText('order-77', { exact: true })).toBeVisible();

  const images = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: {
      type: 'image',
      image: {
        images: [
          { mediaUrl: image, altText: 'A tiny photo' },
          { mediaUrl: 'https://elsewhere.example/pic.png' },
          { mediaUrl: image.replace(/[^/]+$/, randomUUID()), altText: 'Gone' },
        ],
        text: 'Two pictures',
      },
    },
  });
  await openMessage(page, images);
  const thumb = content(page).getByRole('img', { name: 'A tiny photo' });
  await expect(thumb).toHaveAttribute('src', /^\/media\//);
  await expect.poll(() => naturalWidth(thumb)).toBe(2);
  await expect(content(page)).toContainText('https://elsewhere.example/pic.png');
  await expect(content(page)).toContainText('not on this connection’s media server');
  await expect(content(page).getByRole('alert')).toHaveText('Image 3 of 3 could not be loaded.');
  await content(page)
    .getByRole('button', { name: /View image 1 of 3/ })
    .click();
  const viewer = page.getByRole('dialog', { name: 'Image 1 of 3' });
  await expect(viewer).toBeVisible();
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();

  const files = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: {
      type: 'file',
      file: { files: [{ mediaUrl: pdf, contentType: 'application/pdf', filename: 'invoice.pdf' }] },
    },
  });
  await openMessage(page, files);
  const download = content(page).getByRole('link', { name: 'Download invoice.pdf' });
  await expect(download).toHaveAttribute('href', /^\/media\//);
  await expect(content(page)).toContainText('application/pdf');

  const gif = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: { type: 'gif', gif: { mediaUrl: image, altText: 'Dancing bird' } },
  });
  await openMessage(page, gif);
  await expect(content(page).getByRole('img', { name: 'Dancing bird' })).toBeVisible();

  const location = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: {
      type: 'location',
      location: {
        coordinates: { latitude: 52.3676, longitude: 4.9041 },
        location: { address: 'Dam 1, Amsterdam', label: 'Head office' },
      },
    },
  });
  await openMessage(page, location);
  await expect(content(page)).toContainText('Head office');
  await expect(content(page)).toContainText('52.3676, 4.9041');
  const map = content(page).getByRole('link', { name: 'Open in OpenStreetMap' });
  await expect(map).toHaveAttribute(
    'href',
    /^https:\/\/www\.openstreetmap\.org\/\?mlat=52\.3676&mlon=4\.9041/,
  );
  await expect(map).toHaveAttribute('rel', 'noopener noreferrer');

  const carousel = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: {
      type: 'carousel',
      carousel: {
        items: [
          {
            title: 'Boots',
            description: 'Warm',
            mediaUrl: image,
            actions: [{ type: 'link', link: { text: 'Buy', url: 'https://shop.example/boots' } }],
          },
          { title: 'Hat', actions: [{ type: 'reply', reply: { text: 'Tell me more' } }] },
        ],
      },
    },
  });
  await openMessage(page, carousel);
  const cards = content(page).getByRole('list', { name: 'Carousel items' }).getByRole('listitem');
  await expect(cards.getByRole('heading')).toHaveText(['Boots', 'Hat']);
  await expect(
    content(page).getByRole('link', { name: 'https://shop.example/boots' }),
  ).toBeVisible();
  await expect(content(page)).toContainText('Reply button: Tell me more');

  const list = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: {
      type: 'list',
      list: {
        title: 'Menu',
        text: 'Pick one',
        items: [{ title: 'Pizza', description: 'Cheese' }, { title: 'Pasta' }],
      },
    },
  });
  await openMessage(page, list);
  await expect(
    content(page).getByRole('list', { name: 'List items' }).getByRole('heading'),
  ).toHaveText(['Pizza', 'Pasta']);

  const template = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    template: {
      projectId: randomUUID(),
      version: 'latest',
      locale: 'en-US',
      parameters: [
        { type: 'string', key: 'name', value: 'Ada' },
        { type: 'number', key: 'count', value: 3 },
      ],
    },
  });
  await openMessage(page, template);
  const parameters = content(page).getByRole('table', { name: 'Template parameters' });
  await expect(parameters.getByRole('row')).toHaveText([
    /Key\s*Type\s*Value/,
    /name\s*string\s*Ada/,
    /count\s*number\s*3/,
  ]);
  await expect(content(page)).toContainText('en-US');
  await expectAccessibleMessagePage(page);
});

test('an HTML email shows subject, from, to/cc, text and HTML, at two widths', async ({ page }) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const message = await sendMessage(page.request, info, 'email-messagebird', {
    receiver: {
      contacts: [
        { identifierValue: 'ann@example.com', identifierKey: 'emailaddress', type: 'to' },
        { identifierValue: 'bob@example.com', identifierKey: 'emailaddress', type: 'cc' },
      ],
    },
    body: {
      type: 'html',
      html: {
        html: '<h1>Hello Ann</h1><p>Your <a href="https://example.com/order">order</a> shipped.</p>',
        text: 'Hello Ann, your order shipped.',
        metadata: {
          subject: 'Your order',
          emailFrom: { username: 'shop', displayName: 'The Shop' },
        },
      },
    },
  });
  await openMessage(page, message);
  await expect(content(page)).toContainText('Your order');
  await expect(content(page)).toContainText('The Shop');
  await expect(content(page)).toContainText('ann@example.com');
  await expect(content(page)).toContainText('bob@example.com');

  const shown = await emailFrameText(page);
  expect(shown.text).toContain('Hello Ann');
  expect(shown.html).toContain('<a href="https://example.com/order" target="_blank"');
  const iframe = page.locator(EMAIL_FRAME);
  await expect(iframe).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
  await expect(iframe).toHaveAttribute('referrerpolicy', 'no-referrer');

  await page.getByRole('button', { name: /Phone/ }).click();
  await expect(iframe).toHaveAttribute('width', '375');
  await page.getByRole('button', { name: /Desktop/ }).click();
  await expect(iframe).toHaveAttribute('width', '800');

  await page.getByRole('button', { name: 'Text', exact: true }).click();
  await expect(content(page)).toContainText('Hello Ann, your order shipped.');
  await expect(iframe).toHaveCount(0);
  await page.getByRole('button', { name: 'HTML', exact: true }).click();
  await expect(iframe).toHaveCount(1);
  await expectAccessibleMessagePage(page);
});

test('the timeline follows a failing message step by step, then explains the failure', async ({
  page,
}) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const message = await sendMessage(page.request, info, 'sms-messagebird', {
    receiver: { contacts: [{ identifierValue: phone('9990') }] },
    body: { type: 'text', text: { text: 'Will not arrive' } },
  });
  await page.goto(messagePagePath(message));
  const items = timeline(page).getByRole('listitem');
  await expect(items.first()).toHaveText(/^Accepted/);

  // Each step shows up without a reload. (Specs in the other worker move the shared manual
  // clock too; a step they hurry past still shows, as "time not reported".)
  for (const step of ['Processing', 'Sent', 'Delivery failed']) {
    await advanceClock(page.request, STEP_MS);
    await expect(items.filter({ hasText: step })).toHaveCount(1);
  }
  await expect(items).toHaveText([/^Accepted/, /^Processing/, /^Sent/, /^Delivery failed/]);
  await expect(
    page.getByRole('status').filter({ hasText: 'reached a final status' }),
  ).toBeVisible();

  const failure = page.getByRole('region', { name: 'What went wrong' });
  await expect(failure).toContainText('could not deliver it to the recipient');
  await expect(failure).toContainText('15005');
  await expect(failure).toContainText('unknown_subscriber');
  await expect(failure).toContainText('not (or no longer) in service');
  await expectAccessibleMessagePage(page);
});

test('interactions of a click@ email appear in the timeline and the table', async ({ page }) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const message = await sendMessage(page.request, info, 'email-messagebird', {
    receiver: { contacts: [{ identifierValue: 'click@example.com' }] },
    body: {
      type: 'html',
      html: {
        html: '<p><a href="https://example.com/deal">See the deal</a></p>',
        metadata: { subject: 'A deal' },
      },
    },
  });
  await page.goto(messagePagePath(message));
  await advanceClock(page.request, STEP_MS * 5);
  await expect(timeline(page).getByRole('listitem').filter({ hasText: 'Delivered' })).toHaveCount(
    1,
  );
  await page.getByRole('button', { name: 'Refresh interactions' }).click();

  await expect(timeline(page).getByRole('listitem')).toHaveText([
    /^Accepted/,
    /^Processing/,
    /^Sent/,
    /^Delivered/,
    /^Opened/,
    /^Clicked/,
  ]);
  const table = page.getByRole('table', { name: 'Interactions with this message' });
  const clicked = table.getByRole('row').filter({ hasText: 'Clicked' });
  await expect(clicked).toContainText('See the deal');
  await expect(clicked.getByRole('link', { name: 'https://example.com/deal' })).toHaveAttribute(
    'href',
    'https://example.com/deal',
  );
  await expect(table.getByRole('row').filter({ hasText: 'Opened' })).toContainText('initial_open');
});

test('the image reply of a 9994 recipient displays through /media', async ({ page }) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const number = phone('9994');
  await sendMessage(page.request, info, 'sms-messagebird', {
    receiver: { contacts: [{ identifierValue: number }] },
    body: { type: 'text', text: { text: 'Send me a picture' } },
  });
  await advanceClock(page.request, STEP_MS * 5);
  const replies = await listMessages(page.request, info, { from: number, direction: 'incoming' });
  expect(replies).toHaveLength(1);
  const reply = replies[0];
  if (reply === undefined) throw new Error('no reply');

  await openMessage(page, reply);
  await expect(pageHeading(page)).toHaveText('Incoming message');
  const picture = content(page).getByRole('img').first();
  await expect(picture).toHaveAttribute('src', /^\/media\/workspaces\/.+\/messages\/.+\/media\//);
  await expect.poll(() => naturalWidth(picture)).toBeGreaterThan(0);
  await expect(timeline(page).getByRole('listitem')).toHaveText([/^Received/]);
  await expectAccessibleMessagePage(page);
});

test('an incoming text keeps its line breaks; its sender is shown', async ({ page }) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const from = phone('4321');
  const message = await receiveMessage(page.request, info, 'sms-messagebird', from, {
    type: 'text',
    text: { text: 'first\nsecond' },
  });
  await openMessage(page, message);
  await expect(page.getByRole('definition').filter({ hasText: from })).toHaveCount(1);
  const paragraph = content(page).getByText(/first\s+second/);
  expect(await paragraph.innerText()).toBe('first\nsecond');
});

test('raw JSON is collapsible and copies; ids copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const message = await sendMessage(page.request, info, 'sms-messagebird', {
    receiver: { contacts: [{ identifierValue: phone('2222') }] },
    body: { type: 'text', text: { text: 'json please' } },
  });
  await openMessage(page, message);
  const json = page.getByLabel('Message JSON');
  await expect(json).toBeHidden();
  await page.getByText('Show the message as JSON').click();
  await expect(json).toContainText(`"id": "${message.id}"`);

  await page.getByRole('button', { name: 'Copy JSON' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  const copied: unknown = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied).toMatchObject({ id: message.id, channelId: message.channelId });

  await page.getByRole('button', { name: 'Copy message id' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(message.id);
});

test('an unknown message says so, with a way back', async ({ page, consoleErrors }) => {
  // The browser logs the API's 404 itself.
  consoleErrors.allow(/status of 404 \(Not Found\).*\/api\/workspaces\/.*\/messages\//);
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  await page.goto(`/messages/${info.channelId('sms-messagebird')}/${randomUUID()}`);
  await expect(pageHeading(page)).toHaveText('Message not found');
  await expectAccessibleMessagePage(page);
  await page.getByRole('link', { name: 'Back to messages' }).click();
  await expect(page).toHaveURL(/\/messages$/);

  await page.goto('/messages/not-a-channel/not-a-message');
  await expect(pageHeading(page)).toHaveText('Message not found');
});

test('privacy mode hides identifiers, content and the raw JSON', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('perch.privacy', 'on');
  });
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const number = phone('5555');
  const message = await sendMessage(page.request, info, 'sms-messagebird', {
    receiver: { contacts: [{ identifierValue: number }] },
    body: { type: 'text', text: { text: 'A secret text' } },
  });
  await openMessage(page, message);
  await expect(pageHeading(page)).toHaveText('Outgoing message');
  const main = page.getByRole('main');
  await expect(main).not.toContainText(number);
  await expect(main).not.toContainText('A secret text');
  await expect(main).toContainText('hidden identifier');
  await expect(content(page)).toContainText('hidden while privacy mode is on');
  await expect(page.getByRole('button', { name: 'Copy JSON' })).toHaveCount(0);
});

test('a scheduled message waits, and the page says it keeps refreshing', async ({ page }) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const now = await sandboxNow(page.request);
  const scheduledFor = new Date(now + 24 * 60 * 60 * 1000).toISOString();
  const message = await sendMessage(page.request, info, 'sms-messagebird', {
    receiver: { contacts: [{ identifierValue: phone('3333') }] },
    body: { type: 'text', text: { text: 'Tomorrow' } },
    scheduledFor,
  });
  await openMessage(page, message);
  await expect(timeline(page).getByRole('listitem')).toHaveText([/^Scheduled/]);
  await expect(
    page.getByRole('status').filter({ hasText: 'this page refreshes on its own' }),
  ).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Scheduled' })).toHaveCount(1);
});

function stepper(page: Page) {
  return page.getByRole('navigation', { name: 'Message list' });
}

/** The open message is `message`: its id in the address and on the page. */
async function expectOpen(page: Page, message: { id: string }, position: string) {
  await expect(page).toHaveURL(new RegExp(`/messages/[^/]+/${message.id}\\?list=`));
  await expect(page.getByText(message.id, { exact: true }).first()).toBeVisible();
  await expect(stepper(page).getByRole('status')).toHaveText(`Message ${position}`);
}

test('Previous and Next walk the filtered list the message was opened from; Back returns to it', async ({
  page,
}) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const tag = `step-${randomUUID().slice(0, 8)}`;
  const to = { receiver: { contacts: [{ identifierValue: phone('1234') }] } };
  /** Each message's text by id: the name of its row's link. */
  const texts = new Map<string, string>();
  for (const n of [1, 2, 3]) {
    const text = `Step ${String(n)} of ${tag}`;
    const sent = await sendMessage(page.request, info, 'sms-messagebird', {
      ...to,
      body: { type: 'text', text: { text } },
      tags: [tag],
    });
    texts.set(sent.id, text);
  }
  // Same tag, another platform: the list's platform filter leaves it out.
  await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: { type: 'text', text: { text: `Elsewhere ${tag}` } },
    tags: [tag],
  });
  // The list's order as the sandbox itself gives it (same filters, newest first).
  const expected = await listMessages(page.request, info, { tag, platform: 'sms-messagebird' });
  expect(expected).toHaveLength(3);
  const [first, second, third] = expected;
  if (first === undefined || second === undefined || third === undefined) throw new Error('3');

  await page.goto(`/messages?platform=sms-messagebird&tag=${tag}`);
  const rows = page.getByRole('link', { name: new RegExp(`of ${tag}$`) });
  await expect(rows).toHaveCount(3);
  const firstText = texts.get(first.id);
  if (firstText === undefined) throw new Error('the list holds a message this test did not send');
  await page.getByRole('link', { name: firstText, exact: true }).click();
  await expectOpen(page, first, '1 of 3');
  await expect(stepper(page).getByRole('link', { name: 'Previous' })).toHaveCount(0);
  await expect(stepper(page)).toContainText('First in the list');
  await expectAccessibleMessagePage(page);

  await stepper(page).getByRole('link', { name: 'Next' }).click();
  await expectOpen(page, second, '2 of 3');
  await page.keyboard.press('j');
  await expectOpen(page, third, '3 of 3');
  await expect(stepper(page).getByRole('link', { name: 'Next' })).toHaveCount(0);
  await expect(stepper(page)).toContainText('Last in the list');
  await page.keyboard.press('k');
  await expectOpen(page, second, '2 of 3');
  await stepper(page).getByRole('link', { name: 'Previous' }).click();
  await expectOpen(page, first, '1 of 3');

  await stepper(page).getByRole('link', { name: 'Back to list' }).click();
  await expect(page).toHaveURL(new RegExp(`/messages\\?platform=sms-messagebird&tag=${tag}$`));
  await expect(rows).toHaveCount(3);
});

test('a shared link with its list finds the message and reads the next page at the last loaded row', async ({
  page,
}) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const tag = `page-${randomUUID().slice(0, 8)}`;
  const to = { receiver: { contacts: [{ identifierValue: phone('1234') }] } };
  await sendBatch(
    page.request,
    info,
    'sms-messagebird',
    Array.from({ length: 52 }, (_, i) => ({
      ...to,
      body: { type: 'text', text: { text: `Row ${String(i + 1)}` } },
      tags: [tag],
    })),
  );
  const expected = await listMessages(page.request, info, { tag, limit: '100' });
  expect(expected).toHaveLength(52);
  const [row49, row50, row51] = expected.slice(48, 51);
  if (row49 === undefined || row50 === undefined || row51 === undefined) throw new Error('52');

  // Row 50 is the last of Perch's first page of 50: the page reads on to find its Next.
  await page.goto(messagePagePathInList(row50, `tag=${tag}`));
  await expectOpen(page, row50, '50 of 52');
  await stepper(page).getByRole('link', { name: 'Next' }).click();
  await expectOpen(page, row51, '51 of 52');
  await stepper(page).getByRole('link', { name: 'Previous' }).click();
  await expectOpen(page, row50, '50 of 52');
  await page.keyboard.press('k');
  await expectOpen(page, row49, '49 of 52');

  // Without a list there is nothing to step through, and the page says how to get one.
  await openMessage(page, row50);
  await expect(pageHeading(page)).toHaveText('Outgoing message');
  await expect(stepper(page)).toHaveCount(0);
  await expect(page.getByText('Open from the message list to step through it.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to messages' })).toHaveAttribute(
    'href',
    '/messages',
  );
});

test('files and images show their size, read through /media', async ({ page }) => {
  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const to = { receiver: { contacts: [{ identifierValue: phone('1234') }] } };
  const report = await uploadMedia(page.request, info, 'whatsapp', {
    name: 'report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1536 - 9, 0x20)]),
  });
  const image = await uploadMedia(page.request, info, 'whatsapp', {
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: TINY_PNG,
  });
  const files = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: {
      type: 'file',
      file: {
        files: [{ mediaUrl: report, contentType: 'application/pdf', filename: 'report.pdf' }],
      },
    },
  });
  await openMessage(page, files);
  const file = content(page).getByRole('listitem').filter({ hasText: 'report.pdf' });
  await expect(file).toContainText('Size: 1.5 KB');
  await expect(file.getByRole('link', { name: 'Download report.pdf' })).toBeVisible();
  await expectAccessibleMessagePage(page);

  const images = await sendMessage(page.request, info, 'whatsapp', {
    ...to,
    body: { type: 'image', image: { images: [{ mediaUrl: image, altText: 'Sized photo' }] } },
  });
  await openMessage(page, images);
  await expect(content(page)).toContainText(`Size: ${String(TINY_PNG.length)} bytes`);
});
