import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, crc32 } from 'node:zlib';
import { chromium, expect, type Page } from '@playwright/test';
import { z } from '../src/lib/zod';
import { chromiumArgs, ensureChromium } from '../e2e/support/chromium';

/**
 * `npm run screenshots`: starts Perch on a temporary data dir with a seeded sandbox (manual
 * clock, so times and statuses hold still), connects through the Connect page, and saves
 * docs/screenshots/{connect,messages,message-detail,compose,media}.png at 1440×900. Every
 * shot waits for the page's real content, never a loading state.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'screenshots');
const ACCESS_KEY = 'screenshots-sandbox-key-0123456789';
const SEED = 2000;
const auth = { authorization: `AccessKey ${ACCESS_KEY}`, 'content-type': 'application/json' };

async function startPerch(dataDir: string): Promise<{ child: ChildProcess; origin: string }> {
  const args = [
    ...['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    ...['--sandbox-clock', 'manual', '--sandbox-seed', String(SEED)],
    ...['--sandbox-access-key', ACCESS_KEY],
  ];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'server/start.ts'), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /Perch is running at (\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.once('exit', (code) => {
      reject(new Error(`server/start.ts exited with ${String(code)} before it was ready`));
    });
  });
  return { child, origin };
}

/** The sandbox's own API (through Perch's /sandbox mount): where the data is made. */
function sandboxApi(origin: string) {
  const call = async (method: 'GET' | 'POST', route: string, body?: unknown) => {
    const response = await fetch(`${origin}/sandbox/${route}`, {
      method,
      headers: auth,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${String(response.status)}`);
    return (await response.json()) as unknown;
  };
  return {
    info: async () =>
      z
        .object({
          workspaceId: z.string(),
          channels: z.array(z.object({ id: z.string(), platformId: z.string() })),
        })
        .parse(await call('GET', '_sandbox/info')),
    send: async (workspaceId: string, channelId: string, body: unknown) =>
      z
        .object({ id: z.string(), channelId: z.string() })
        .parse(
          await call('POST', `workspaces/${workspaceId}/channels/${channelId}/messages`, body),
        ),
    advance: async (ms: number) => call('POST', '_sandbox/clock/advance', { ms }),
  };
}

/** A small PNG (a colour gradient), so the media preview shows a picture. */
function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.from([
      0,
      ...Array.from({ length: width }, (_, x) => [
        Math.round((x / width) * 255),
        Math.round((y / height) * 200),
        180,
      ]).flat(),
    ]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(outDir, `${name}.png`), animations: 'disabled' });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
}

const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true });

async function connect(page: Page): Promise<void> {
  await page.goto('/connect');
  await page.getByRole('button', { name: 'Use the sandbox' }).click();
  // Connecting opens Messages; the Connect page then shows the connection and its channels.
  await expect(heading(page, 'Messages')).toBeVisible();
  await page.goto('/connect');
  await expect(page.getByRole('heading', { name: 'Connected to the sandbox' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(0);
  await shoot(page, 'connect');
}

async function messages(page: Page): Promise<void> {
  await page.goto('/messages');
  const rows = page.getByRole('table', { name: 'Messages' }).locator('[data-row-index]');
  await expect(rows.nth(10)).toBeVisible();
  await shoot(page, 'messages');
}

async function messageDetail(page: Page, origin: string): Promise<void> {
  const api = sandboxApi(origin);
  const info = await api.info();
  const email = info.channels.find((channel) => channel.platformId === 'email-messagebird');
  if (email === undefined) throw new Error('the sandbox has no email channel');
  // click@… is delivered, opened and clicked: the timeline and interactions fill up.
  const message = await api.send(info.workspaceId, email.id, {
    receiver: {
      contacts: [
        { identifierValue: 'click@example.com', identifierKey: 'emailaddress', type: 'to' },
        { identifierValue: 'ops@example.com', identifierKey: 'emailaddress', type: 'cc' },
      ],
    },
    body: {
      type: 'html',
      html: {
        html:
          '<h1 style="font-family:sans-serif">Your order has shipped</h1>' +
          '<p style="font-family:sans-serif">Hello Ann, order <b>#1042</b> left our warehouse ' +
          'today. <a href="https://example.com/track/1042">Track the parcel</a>.</p>' +
          '<p style="font-family:sans-serif">Thank you for shopping with us.</p>',
        text: 'Hello Ann, order #1042 left our warehouse today.',
        metadata: {
          subject: 'Your order #1042 has shipped',
          emailFrom: { username: 'orders', displayName: 'The Shop' },
        },
      },
    },
    reference: 'order-1042-shipped',
  });
  await api.advance(5 * 60_000);
  await page.goto(`/messages/${message.channelId}/${message.id}`);
  await expect(heading(page, 'Outgoing message')).toBeVisible();
  await expect(page.getByText('Your order #1042 has shipped').first()).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(timeline.filter({ hasText: /^Clicked/ })).toHaveCount(1);
  await expect(
    page.getByRole('table', { name: 'Interactions with this message' }).getByRole('row'),
  ).not.toHaveCount(0);
  // The email frame runs no script, so nothing can be awaited inside it; its load event can.
  const frame = await page.locator('iframe[title="Email content"]').elementHandle();
  const emailDocument = await frame.contentFrame();
  if (emailDocument === null) throw new Error('the email frame has no document');
  await emailDocument.waitForLoadState('load');
  // The facts fill the first screen; the shot starts at the content (the email itself),
  // just below the sticky top bar.
  await page.getByRole('heading', { level: 2, name: 'Content' }).evaluate((element) => {
    const top = (element.closest('section') ?? element).getBoundingClientRect().top;
    const bar = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
    window.scrollBy(0, top - bar - 16);
  });
  await shoot(page, 'message-detail');
}

async function compose(page: Page): Promise<void> {
  await page.goto('/compose');
  await expect(heading(page, 'Compose')).toBeVisible();
  await page.getByRole('radio', { name: /SMS/ }).first().check();
  await page.getByLabel('Default country for local numbers').selectOption('NL');
  const to = page.getByLabel('To', { exact: true });
  await to.fill('06 1234 5678');
  await to.press('Enter');
  await expect(page.getByRole('list', { name: 'To recipients' })).toContainText('+31612345678');
  await page
    .getByLabel('Text')
    .fill('Hi Ann, your order #1042 has shipped and arrives tomorrow. Reply STOP to opt out.');
  await expect(page.getByText(/GSM-7 · \d+ characters · 1 segment/)).toBeVisible();
  await shoot(page, 'compose');
}

async function media(page: Page): Promise<void> {
  await page.goto('/media');
  await expect(heading(page, 'Media')).toBeVisible();
  await page.getByLabel('Files to upload').setInputFiles([
    { name: 'parcel-label.png', mimeType: 'image/png', buffer: gradientPng(240, 160) },
    {
      name: 'terms-of-sale.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% terms of sale\n%%EOF\n'),
    },
  ]);
  const uploaded = page.getByRole('list', { name: 'Uploaded this session' });
  await expect(uploaded.getByRole('listitem')).toHaveCount(2, { timeout: 15_000 });
  const preview = uploaded.getByRole('img', { name: 'Preview of parcel-label.png' });
  await expect(preview).toBeVisible();
  await expect
    .poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0);
  await shoot(page, 'media');
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'perch-screenshots-'));
let server: ChildProcess | undefined;
try {
  mkdirSync(outDir, { recursive: true });
  const started = await startPerch(dataDir);
  server = started.child;
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
  try {
    const context = await browser.newContext({
      baseURL: started.origin,
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
      colorScheme: 'light',
    });
    const page = await context.newPage();
    await connect(page);
    await messages(page);
    await messageDetail(page, started.origin);
    await compose(page);
    await media(page);
  } finally {
    await browser.close();
  }
} finally {
  if (server !== undefined && server.exitCode === null) {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
