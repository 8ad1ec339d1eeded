import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Locator, Page, Request } from '@playwright/test';
import { toPerchMediaPath } from '../src/lib/api/media';
import { channelListSchema } from '../src/lib/bird/channel';
import type { ConnectedSessionInfo } from '../src/lib/perch/session';
import { perchPresignedUploadSchema } from '../src/lib/perch/upload';
import { expectNoSeriousA11yIssues } from './support/axe';
import { expect, test, type ConsoleErrors } from './support/fixtures';
import { connectSandbox } from './support/session';
import { naturalWidth } from './support/images';

/** A real 1×1 PNG, so that the preview through /media actually decodes. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PNG_SIGNATURE = PNG_1X1.subarray(0, 8);

function pngOfSize(bytes: number): Buffer {
  const file = Buffer.alloc(bytes);
  PNG_SIGNATURE.copy(file);
  return file;
}

function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
}

async function openMedia(page: Page): Promise<ConnectedSessionInfo> {
  const session = await connectSandbox(page);
  await page.goto('/media');
  await expect(page.getByRole('heading', { level: 1, name: 'Media' })).toBeVisible();
  return session;
}

function fileInput(page: Page): Locator {
  return page.getByLabel('Files to upload');
}

function uploads(page: Page): Locator {
  return page.getByRole('list', { name: 'Uploads' });
}

function row(page: Page, name: string): Locator {
  return uploads(page)
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });
}

function isPresign(request: Request): boolean {
  return request.method() === 'POST' && request.url().endsWith('/presigned-upload');
}

/**
 * Slows the browser's uploads to `bytesPerSecond`, so progress can be seen and stopped.
 * Under DevTools network emulation Chromium reports the rows' `blob:` thumbnails as a
 * `connect-src` violation; without emulation they load cleanly (checked in the axe test).
 */
async function throttleUploads(
  page: Page,
  consoleErrors: ConsoleErrors,
  bytesPerSecond: number,
): Promise<CDPSession> {
  consoleErrors.allow(/Connecting to 'blob:.*"connect-src 'self'"/s);
  // The same report, as the page's securitypolicyviolation event.
  consoleErrors.allow(/^csp violation: connect-src blocked blob in /);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}

test('several files upload with visible progress; bad files are refused before any request', async ({
  page,
  consoleErrors,
}) => {
  await openMedia(page);
  const presigns: Request[] = [];
  page.on('request', (request) => {
    if (isPresign(request)) presigns.push(request);
  });
  await throttleUploads(page, consoleErrors, 512 * 1024);

  await fileInput(page).setInputFiles([
    { name: 'pixel.png', mimeType: 'image/png', buffer: PNG_1X1 },
    { name: 'big-one.png', mimeType: 'image/png', buffer: pngOfSize(1024 * 1024) },
    { name: 'terms.pdf', mimeType: 'application/pdf', buffer: pdf('terms') },
    { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
    { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: PNG_1X1 },
  ]);

  // Refusals say why, and never reach presign.
  await expect(row(page, 'empty.png')).toContainText('Refused');
  await expect(row(page, 'empty.png')).toContainText('The file is empty (0 bytes)');
  await expect(row(page, 'holiday.jpg')).toContainText(
    'Its bytes are a PNG image, not a JPEG image as .jpg says.',
  );

  // Progress is real: the larger file is seen part-way, with speed and time left.
  const big = row(page, 'big-one.png');
  await expect(big.getByRole('progressbar')).toBeVisible();
  await expect
    .poll(async () => Number(await big.getByRole('progressbar').getAttribute('value')))
    .toBeGreaterThan(0);
  await expect(big).toContainText(/\d+% · [\d.]+ (KB|MB)\/s · .+ left/);
  await expect(big).toContainText('Fits email, WhatsApp and MMS.');

  for (const name of ['pixel.png', 'big-one.png', 'terms.pdf']) {
    await expect(row(page, name)).toContainText('Uploaded', { timeout: 15_000 });
    await expect(row(page, name).getByLabel('Media URL')).toHaveValue(
      /\/workspaces\/[0-9a-f-]+\/channels\/[0-9a-f-]+\/media\/[0-9a-f-]+$/,
    );
  }
  await expect(row(page, 'terms.pdf')).toContainText(
    'Fits email and WhatsApp; MMS does not carry documents.',
  );

  // Presign got the sniffed types, one request per accepted file.
  const types = presigns.map(
    (request) => (request.postDataJSON() as { contentType: string }).contentType,
  );
  expect(types.sort()).toEqual(['application/pdf', 'image/png', 'image/png']);

  // The session's uploads, with a preview loaded through /media.
  const uploaded = page.getByRole('list', { name: 'Uploaded this session' });
  await expect(uploaded.getByRole('listitem')).toHaveCount(3);
  const preview = uploaded.getByRole('img', { name: 'Preview of pixel.png' });
  await expect(preview).toHaveAttribute('src', /^\/media\/workspaces\//);
  await expect.poll(() => naturalWidth(preview)).toBe(1);
});

test('files dropped and pasted on the zone, names made safe, and 100 MiB + 1 byte refused', async ({
  page,
}) => {
  await openMedia(page);
  const presigns: Request[] = [];
  page.on('request', (request) => {
    if (isPresign(request)) presigns.push(request);
  });
  const longName = `${'x'.repeat(296)}.txt`;
  const dataTransfer = await page.evaluateHandle(
    (names) => {
      const transfer = new DataTransfer();
      // Sparse in effect: the check reads the size and, for a fitting file, 64 bytes.
      transfer.items.add(
        new File([new ArrayBuffer(104_857_601)], 'huge.png', { type: 'image/png' }),
      );
      transfer.items.add(new File(['hello'], names.bidi, { type: 'text/plain' }));
      transfer.items.add(new File(['a,b\n1,2\n'], names.long, { type: 'text/csv' }));
      return transfer;
    },
    { bidi: 'report\u202Efdp.txt', long: longName },
  );
  await page.getByRole('group', { name: 'Upload files' }).dispatchEvent('drop', { dataTransfer });

  await expect(row(page, 'huge.png')).toContainText(
    'uploads are at most 100 MB (104,857,600 bytes)',
  );
  await expect(row(page, 'reportfdp.txt')).toContainText('Uploaded');
  await expect(row(page, 'reportfdp.txt')).toContainText('name shown in a safe form');
  const shortened = `${'x'.repeat(75)}….txt`;
  await expect(row(page, shortened)).toContainText('Uploaded');
  expect(presigns).toHaveLength(2);

  // Paste from the clipboard while the zone's button has focus.
  await page.getByRole('button', { name: 'Choose files…' }).focus();
  await page.evaluate(() => {
    const clipboardData = new DataTransfer();
    clipboardData.items.add(new File(['pasted text'], 'pasted.txt', { type: 'text/plain' }));
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  });
  await expect(row(page, 'pasted.txt')).toContainText('Uploaded');
});

test('an upload cancelled mid-way leaves no media behind', async ({ page, consoleErrors }) => {
  const { mediaBases } = await openMedia(page);
  await throttleUploads(page, consoleErrors, 256 * 1024);
  const presigned = page.waitForResponse((response) => isPresign(response.request()));

  await fileInput(page).setInputFiles({
    name: 'slow.png',
    mimeType: 'image/png',
    buffer: pngOfSize(2 * 1024 * 1024),
  });
  const { mediaUrl } = perchPresignedUploadSchema.parse(await (await presigned).json());
  const slow = row(page, 'slow.png');
  await expect
    .poll(async () => Number((await slow.getByRole('progressbar').getAttribute('value')) ?? 0))
    .toBeGreaterThan(0);

  await slow.getByRole('button', { name: 'Cancel' }).click();
  await expect(slow).toContainText('Cancelled');
  await expect(slow.getByRole('progressbar')).toHaveCount(0);
  // The same button now offers Retry, and keeps the focus.
  await expect(slow.getByRole('button', { name: 'Retry' })).toBeFocused();

  // Nothing was stored for the cancelled upload.
  const mediaPath = toPerchMediaPath(mediaUrl, mediaBases) ?? 'not a media URL of this session';
  await expect.poll(async () => (await page.request.get(mediaPath)).status()).toBe(404);
  await expect(page.getByText('Nothing uploaded yet.')).toBeVisible();
});

test('a failed upload is retried by hand, and a refused form is presigned again by itself', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/net::ERR_FAILED|status of 403/);
  await openMedia(page);

  // The first upload request fails as if the network dropped.
  await page.route('**/upload/*', (route) => route.abort('failed'), { times: 1 });
  await fileInput(page).setInputFiles({
    name: 'first.png',
    mimeType: 'image/png',
    buffer: PNG_1X1,
  });
  const first = row(page, 'first.png');
  await expect(first).toContainText('Failed');
  await expect(first).toContainText('The upload was interrupted');
  await first.getByRole('button', { name: 'Retry' }).click();
  await expect(first).toContainText('Uploaded');

  // Copy puts the media URL on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const mediaUrl = await first.getByLabel('Media URL').inputValue();
  await first.getByRole('button', { name: 'Copy' }).click();
  await expect(first.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(mediaUrl);

  // A 403 from the upload (an expired policy) is presigned again once, automatically.
  let presigns = 0;
  page.on('request', (request) => {
    if (isPresign(request)) presigns += 1;
  });
  await page.route(
    '**/upload/*',
    (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'AccessDenied', message: 'Policy expired' }),
      }),
    { times: 1 },
  );
  await fileInput(page).setInputFiles({
    name: 'second.png',
    mimeType: 'image/png',
    buffer: PNG_1X1,
  });
  await expect(row(page, 'second.png')).toContainText('Uploaded');
  await expect(row(page, 'second.png')).toContainText('The first upload was refused (403)');
  expect(presigns).toBe(2);
});

test('files added after choosing a channel are presigned for that channel', async ({ page }) => {
  const { workspaceId } = await openMedia(page);
  const channels = channelListSchema.parse(
    await (await page.request.get(`/api/workspaces/${workspaceId}/channels?limit=1000`)).json(),
  ).results;
  const channel = channels[0];
  if (channel === undefined) throw new Error('the sandbox has channels');

  const picker = page.getByLabel('Upload for');
  await expect(picker).toHaveValue('');
  await picker.selectOption({ value: channel.id });
  const presigned = page.waitForResponse((response) => isPresign(response.request()));
  await fileInput(page).setInputFiles({
    name: 'for-channel.png',
    mimeType: 'image/png',
    buffer: PNG_1X1,
  });

  const answer = await presigned;
  expect(new URL(answer.url()).pathname).toBe(
    `/api/workspaces/${workspaceId}/channels/${channel.id}/presigned-upload`,
  );
  await expect(row(page, 'for-channel.png').getByLabel('Media URL')).toHaveValue(
    new RegExp(`/channels/${channel.id}/media/[0-9a-f-]{36}$`),
  );
});

/** Every file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

test('a hostile file name sent through the whole path is never written to disk', async ({
  page,
}) => {
  const dataDir = process.env.PERCH_E2E_DATA_DIR ?? '';
  expect(dataDir, 'playwright.config.ts sets PERCH_E2E_DATA_DIR').not.toBe('');
  const { workspaceId, mediaBases } = await openMedia(page);
  const origin = new URL(page.url()).origin;
  const before = new Set(filesBelow(dataDir));

  // What a client other than Perch's page could send: the form with a traversal in its name.
  const presignAnswer = await page.request.post(
    `/api/workspaces/${workspaceId}/channel-media/presigned-upload`,
    { data: { contentType: 'image/png' }, headers: { origin } },
  );
  const presigned = perchPresignedUploadSchema.parse(await presignAnswer.json());
  const hostileName = '../../../../evil-\u202egnp.exe\u0001.png';
  const uploaded = await page.request.post(presigned.perchUploadPath, {
    headers: { origin },
    multipart: {
      ...presigned.uploadFormData,
      file: { name: hostileName, mimeType: 'image/png', buffer: PNG_1X1 },
    },
  });
  expect(uploaded.status()).toBe(204);

  const served = await page.request.get(toPerchMediaPath(presigned.mediaUrl, mediaBases) ?? '');
  expect(served.status()).toBe(200);
  expect(await served.body()).toEqual(PNG_1X1);
  expect(served.headers()['content-disposition']).toMatch(
    /^inline; filename="media-[0-9a-f-]{36}\.png"$/,
  );

  // New files (this test's and any other test's uploads) are generated names in media/.
  const added = filesBelow(dataDir).filter((file) => !before.has(file));
  const outside = added.filter(
    (file) =>
      !/(^|\/)media\/(\.)?[0-9a-f-]{36}\.(bin|part)$/.test(file) &&
      !/-(wal|shm|journal)$/.test(file),
  );
  expect(outside).toEqual([]);
  expect(added.some((file) => file.includes('evil'))).toBe(false);
  // Nor next to the data dir, or above it, where the traversal pointed.
  for (let up = 1; up <= 4; up += 1) {
    const dir = path.resolve(dataDir, ...Array<string>(up).fill('..'));
    expect(readdirSync(dir).filter((name) => name.startsWith('evil'))).toEqual([]);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`Media passes axe with rows in every state, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openMedia(page);
    await expectNoSeriousA11yIssues(page);

    await fileInput(page).setInputFiles([
      { name: 'ok.png', mimeType: 'image/png', buffer: PNG_1X1 },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    await expect(row(page, 'ok.png')).toContainText('Uploaded');
    await expect(row(page, 'empty.txt')).toContainText('Refused');
    await expect(page.getByRole('img', { name: 'Preview of ok.png' })).toBeVisible();
    // The row's own thumbnail is the local file, shown from a blob: URL.
    const thumbnail = row(page, 'ok.png').locator('img');
    await expect(thumbnail).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => naturalWidth(thumbnail)).toBe(1);
    await expectNoSeriousA11yIssues(page);

    // Removing rows keeps the keyboard user in place: a neighbour, then the browse button.
    await row(page, 'empty.txt').getByRole('button', { name: 'Remove' }).click();
    await expect(row(page, 'empty.txt')).toHaveCount(0);
    await expect(row(page, 'ok.png').getByRole('button', { name: 'Remove' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(uploads(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Choose files…' })).toBeFocused();
    await expect(page.getByRole('img', { name: 'Preview of ok.png' })).toBeVisible();
  });
}

test('Use in composer sends an uploaded image on WhatsApp, shown on the detail page through /media', async ({
  page,
}) => {
  const { workspaceId } = await openMedia(page);
  const channels = channelListSchema.parse(
    await (await page.request.get(`/api/workspaces/${workspaceId}/channels?limit=1000`)).json(),
  ).results;
  const whatsapp = channels.find((c) => c.platformId === 'whatsapp' && c.status === 'active');
  if (whatsapp === undefined) throw new Error('the sandbox has an active WhatsApp channel');
  await page.getByLabel('Upload for').selectOption({ value: whatsapp.id });
  await fileInput(page).setInputFiles({
    name: 'pixel.png',
    mimeType: 'image/png',
    buffer: PNG_1X1,
  });
  const done = row(page, 'pixel.png');
  await expect(done).toContainText('Uploaded');
  const mediaUrl = await done.getByLabel('Media URL').inputValue();
  // The uploaded-media card offers the same link.
  await expect(
    page
      .getByRole('list', { name: 'Uploaded this session' })
      .getByRole('link', { name: 'Use in composer' }),
  ).toHaveAttribute('href', /^\/compose\?mode=media&/);

  await done.getByRole('link', { name: 'Use in composer' }).click();
  // The composer's code loads on first use: the notice, however long that takes, then the rest.
  await expect(page.getByText('Started a message that sends pixel.png as its image.')).toBeVisible({
    timeout: 15_000,
  });
  await expect(page).toHaveURL(/\/compose$/);
  await expect(page.getByRole('radio', { name: /WhatsApp/ }).first()).toBeChecked();
  await expect(page.getByLabel('Message type')).toHaveValue('image');
  await expect(page.getByLabel('Media URL')).toHaveValue(mediaUrl);
  await expect(page.getByText('WhatsApp takes images up to 5 MB.')).toBeVisible();

  await page.getByLabel('Default country for local numbers').selectOption('NL');
  const to = page.getByLabel('To', { exact: true });
  await to.fill(
    `06 ${String(1000 + Math.floor(Math.random() * 8000))} ${String(1000 + Math.floor(Math.random() * 8000))}`,
  );
  await to.press('Enter');
  await page.getByLabel('Caption').fill('From the media page');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('link', { name: 'View the message' }).click();

  await expect(page.getByText('From the media page', { exact: true })).toBeVisible();
  const image = page.getByRole('button', { name: 'View image 1 of 1' }).locator('img');
  await expect(image).toHaveAttribute('src', /^\/media\/workspaces\//);
  await expect.poll(() => naturalWidth(image)).toBe(1);
});

test('Use in composer adds to a saved email draft as an attachment, and Undo restores the draft', async ({
  page,
}) => {
  await openMedia(page);
  await page.goto('/compose');
  await page.getByRole('radio', { name: /Email/ }).first().check();
  await page.getByLabel('Subject').fill('Half-written');
  await expect(page.getByText('Draft saved in this browser.')).toBeVisible();

  await page.getByRole('link', { name: 'Media', exact: true }).click();
  // Compose has a drop zone with the same label: wait for Media's before choosing the file.
  await expect(page.getByRole('heading', { level: 1, name: 'Media' })).toBeVisible();
  await fileInput(page).setInputFiles({
    name: 'terms.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('terms'),
  });
  await expect(row(page, 'terms.pdf')).toContainText('Uploaded');
  await row(page, 'terms.pdf').getByRole('link', { name: 'Use in composer' }).click();

  await expect(page.getByText('Added terms.pdf to your saved draft as an attachment.')).toBeVisible(
    {
      timeout: 15_000,
    },
  );
  await expect(page.getByLabel('Subject')).toHaveValue('Half-written');
  await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('terms.pdf');
  await expectNoSeriousA11yIssues(page);

  await page.getByRole('button', { name: 'Undo: keep the draft as it was' }).click();
  await expect(page.getByText('Your draft is back as it was.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Attachments' })).toHaveCount(0);
  await expect(page.getByLabel('Subject')).toHaveValue('Half-written');
});
