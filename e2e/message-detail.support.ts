import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { z } from 'zod';
import { channelSchema } from '../src/lib/bird/channel';
import { messageListSchema, messageSchema, type Message } from '../src/lib/bird/message';
import { presignedUploadSchema } from '../src/lib/bird/presigned-upload';
import { expect } from './support/fixtures';
export { connectSandbox } from './support/session';

/**
 * What the message-page specs share: the sandbox's own API (data is created there, never
 * faked), connecting a page, and opening a message.
 */

const sandboxKey = process.env.PERCH_E2E_SANDBOX_KEY ?? '';
const auth = { authorization: `AccessKey ${sandboxKey}` };

const infoSchema = z.object({
  workspaceId: z.string(),
  channels: z.array(channelSchema),
});

export interface SandboxInfo {
  workspaceId: string;
  channelId: (platformId: string) => string;
}

export async function sandboxInfo(request: APIRequestContext): Promise<SandboxInfo> {
  const response = await request.get('/sandbox/_sandbox/info', { headers: auth });
  expect(response.status()).toBe(200);
  const info = infoSchema.parse(await response.json());
  return {
    workspaceId: info.workspaceId,
    channelId: (platformId) => {
      const channel = info.channels.find(
        (c) => c.platformId === platformId && c.status === 'active',
      );
      if (channel === undefined) throw new Error(`no active ${platformId} channel`);
      return channel.id;
    },
  };
}

/** The sandbox clock's time, epoch milliseconds. */
export async function sandboxNow(request: APIRequestContext): Promise<number> {
  const response = await request.get('/sandbox/_sandbox/info', { headers: auth });
  expect(response.status()).toBe(200);
  const { clock } = z.object({ clock: z.object({ now: z.string() }) }).parse(await response.json());
  return Date.parse(clock.now);
}

/** E3 on the sandbox: the message as accepted. */
export async function sendMessage(
  request: APIRequestContext,
  info: SandboxInfo,
  platformId: string,
  body: Record<string, unknown>,
): Promise<Message> {
  const channelId = info.channelId(platformId);
  const response = await request.post(
    `/sandbox/workspaces/${info.workspaceId}/channels/${channelId}/messages`,
    { headers: auth, data: body },
  );
  expect(response.status(), await response.text()).toBe(202);
  return messageSchema.parse(await response.json());
}

/** E4 on the sandbox: several messages on one channel, in one request. */
export async function sendBatch(
  request: APIRequestContext,
  info: SandboxInfo,
  platformId: string,
  bodies: Record<string, unknown>[],
): Promise<void> {
  const channelId = info.channelId(platformId);
  const response = await request.post(
    `/sandbox/workspaces/${info.workspaceId}/channels/${channelId}/batch/messages`,
    { headers: auth, data: { messageRequests: bodies } },
  );
  expect(response.status(), await response.text()).toBe(202);
}

/** A message from a contact, arriving now. */
export async function receiveMessage(
  request: APIRequestContext,
  info: SandboxInfo,
  platformId: string,
  from: string,
  body: Record<string, unknown>,
): Promise<Message> {
  const response = await request.post('/sandbox/_sandbox/inbound', {
    headers: auth,
    data: { channelId: info.channelId(platformId), from, body },
  });
  expect(response.status(), await response.text()).toBe(201);
  return messageSchema.parse(await response.json());
}

/** Moves the sandbox's manual clock on; due lifecycle steps happen. */
export async function advanceClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post('/sandbox/_sandbox/clock/advance', {
    headers: auth,
    data: { ms },
  });
  expect(response.status()).toBe(200);
}

/** Messages matching sandbox list filters (E6). */
export async function listMessages(
  request: APIRequestContext,
  info: SandboxInfo,
  query: Record<string, string>,
): Promise<Message[]> {
  const response = await request.get(`/sandbox/workspaces/${info.workspaceId}/messages`, {
    headers: auth,
    params: query,
  });
  expect(response.status()).toBe(200);
  return messageListSchema.parse(await response.json()).results;
}

/** Uploads a file through presign (E9) and the upload form (E10); its `mediaUrl`. */
export async function uploadMedia(
  request: APIRequestContext,
  info: SandboxInfo,
  platformId: string,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<string> {
  const channelId = info.channelId(platformId);
  const presign = await request.post(
    `/sandbox/workspaces/${info.workspaceId}/channels/${channelId}/presigned-upload`,
    { headers: auth, data: { contentType: file.mimeType } },
  );
  expect(presign.status()).toBe(200);
  const upload = presignedUploadSchema.parse(await presign.json());
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.uploadFormData)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name);
  const stored = await request.post(upload.uploadUrl, { multipart: form });
  expect(stored.status(), await stored.text()).toBe(204);
  return upload.mediaUrl;
}

/** A 2×2 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

export function messagePagePath(message: Message): string {
  return `/messages/${message.channelId}/${message.id}`;
}

/** A message's page as opened from the Messages list showing `listSearch`. */
export function messagePagePathInList(message: Message, listSearch: string): string {
  return `${messagePagePath(message)}?${new URLSearchParams({ list: listSearch }).toString()}`;
}

/** Opens a message's page. */
export async function openMessage(page: Page, message: Message): Promise<void> {
  await page.goto(messagePagePath(message));
}

export function pageHeading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** The email frame: a sandbox without scripts, which neither axe nor Playwright can enter. */
export const EMAIL_FRAME = 'iframe[title="Email content"]';

/**
 * support/axe.ts's check (serious and critical violations of WCAG 2.2 A/AA and best
 * practices), leaving out the inside of the email frame: that markup is the sender's, and
 * the frame runs no script, so axe cannot be injected there.
 */
export async function expectAccessibleMessagePage(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude(EMAIL_FRAME)
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** The document the email frame shows, parsed in Perch's page (never inside the frame). */
export async function emailFrameText(page: Page): Promise<{ text: string; html: string }> {
  return page.locator(EMAIL_FRAME).evaluate((frame: HTMLIFrameElement) => {
    const doc = new DOMParser().parseFromString(frame.srcdoc, 'text/html');
    return { text: doc.body.textContent, html: doc.documentElement.outerHTML };
  });
}
