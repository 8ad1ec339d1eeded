import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { z } from 'zod';
import { channelSchema } from '../src/lib/bird/channel';
import { messageListSchema, messageSchema, type Message } from '../src/lib/bird/message';
import type { sendMessageRequestSchema } from '../src/lib/bird/send-body';
import { expect } from './support/fixtures';

/**
 * Helpers for the Messages specs: the sandbox's own API (AccessKey, `/sandbox/...`) to
 * create data and to read the truth the page must show.
 */

const sandboxKey = process.env.PERCH_E2E_SANDBOX_KEY ?? '';
const auth = { authorization: `AccessKey ${sandboxKey}` };

const infoSchema = z.object({
  workspaceId: z.string(),
  channels: z.array(channelSchema),
  clock: z.object({ mode: z.string(), now: z.string() }),
});
export type SandboxInfo = z.infer<typeof infoSchema>;

export const CHANNEL = {
  sms: '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
  whatsapp: '8b3e1f60-7a2d-4d95-b0c4-6e9f2a1d7b22',
  email: 'c47a9d12-5e8b-4f3a-8d26-1a0b9c3e4f33',
} as const;

export async function sandboxInfo(request: APIRequestContext): Promise<SandboxInfo> {
  const response = await request.get('/sandbox/_sandbox/info', { headers: auth });
  expect(response.status()).toBe(200);
  return infoSchema.parse(await response.json());
}

/** A tag no other test (nor the seed) uses. */
export function uniqueTag(label: string): string {
  return `e2e-${label}-${randomUUID().slice(0, 8)}`;
}

export interface SendOptions {
  channelId?: string;
  to?: string;
  text?: string;
  subject?: string;
  tags?: string[];
  reference?: string;
}

/** E3 through the sandbox: one message, as a client of Bird would send it. */
export async function sendMessage(
  request: APIRequestContext,
  workspaceId: string,
  options: SendOptions = {},
): Promise<Message> {
  const channelId = options.channelId ?? CHANNEL.sms;
  const isEmail = channelId === CHANNEL.email;
  const to = options.to ?? (isEmail ? 'ann@example.com' : '+31612340000');
  const text = options.text ?? `Hello ${randomUUID().slice(0, 6)}`;
  const body: z.input<typeof sendMessageRequestSchema> = {
    receiver: { contacts: [{ identifierValue: to }] },
    body: isEmail
      ? {
          type: 'html',
          html: { html: `<p>${text}</p>`, text, metadata: { subject: options.subject ?? text } },
        }
      : { type: 'text', text: { text } },
    ...(options.tags === undefined ? {} : { tags: options.tags }),
    ...(options.reference === undefined ? {} : { reference: options.reference }),
  };
  const response = await request.post(
    `/sandbox/workspaces/${workspaceId}/channels/${channelId}/messages`,
    { headers: auth, data: body },
  );
  expect(response.status(), await response.text()).toBe(202);
  return messageSchema.parse(await response.json());
}

/** E6 through the sandbox, every page: what the list must show for these parameters. */
export async function listMessages(
  request: APIRequestContext,
  workspaceId: string,
  params: Record<string, string | string[]>,
): Promise<Message[]> {
  const out: Message[] = [];
  let pageToken: string | undefined;
  do {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
    }
    query.set('limit', '100');
    if (pageToken !== undefined) query.set('pageToken', pageToken);
    const response = await request.get(`/sandbox/workspaces/${workspaceId}/messages?${query}`, {
      headers: auth,
    });
    expect(response.status(), await response.text()).toBe(200);
    const page = messageListSchema.parse(await response.json());
    out.push(...page.results);
    pageToken = page.nextPageToken === '' ? undefined : page.nextPageToken;
  } while (pageToken !== undefined);
  return out;
}

/** Moves the sandbox's manual clock on, running whatever falls due. */
export async function advanceClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post('/sandbox/_sandbox/clock/advance', {
    headers: auth,
    data: { ms },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Connects the page to the sandbox and lands on Messages. */
export async function connectSandbox(page: Page): Promise<void> {
  await page.goto('/connect');
  await page.getByRole('button', { name: 'Use the sandbox' }).click();
  await expect(page).toHaveURL(/\/messages$/);
}

/** The log's rows of messages (not the header, not the footer). */
export function messageRows(page: Page) {
  return page.getByRole('table', { name: 'Messages' }).locator('[data-row-index]');
}

/** The references shown by the rendered rows, top to bottom. */
export async function shownReferences(page: Page): Promise<string[]> {
  return messageRows(page).locator('.messages-col-reference').allInnerTexts();
}

/** E4 through the sandbox: several messages in one batch; returns the batch id. */
export async function sendBatch(
  request: APIRequestContext,
  workspaceId: string,
  items: { to: string; text: string; tags: string[]; reference: string }[],
  channelId: string = CHANNEL.sms,
): Promise<string> {
  const response = await request.post(
    `/sandbox/workspaces/${workspaceId}/channels/${channelId}/batch/messages`,
    {
      headers: auth,
      data: {
        messageRequests: items.map((item) => ({
          receiver: { contacts: [{ identifierValue: item.to }] },
          body: { type: 'text', text: { text: item.text } },
          tags: item.tags,
          reference: item.reference,
        })),
      },
    },
  );
  expect(response.status(), await response.text()).toBe(202);
  return z.object({ batchId: z.string() }).parse(await response.json()).batchId;
}

/** A message that a contact sends to one of our channels. */
export async function receiveMessage(
  request: APIRequestContext,
  from: string,
  text: string,
  channelId: string = CHANNEL.sms,
): Promise<Message> {
  const response = await request.post('/sandbox/_sandbox/inbound', {
    headers: auth,
    data: { channelId, from, body: { type: 'text', text: { text } } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return messageSchema.parse(await response.json());
}

/** A phone number no other test uses (E.164, ends in 0–8999 so it is delivered). */
export function uniquePhone(ending?: string): string {
  const middle = String(Math.floor(Math.random() * 1e4)).padStart(4, '0');
  const last = ending ?? String(Math.floor(Math.random() * 9000)).padStart(4, '0');
  return `+3162${middle}${last}`;
}

/**
 * Waits until the page's rows are exactly the messages the API lists for `params` (the
 * same order), and returns their references.
 */
export async function expectRowsToMatchApi(
  page: Page,
  workspaceId: string,
  params: Record<string, string | string[]>,
): Promise<string[]> {
  let expected: string[] = [];
  await expect(async () => {
    const api = await listMessages(page.request, workspaceId, params);
    expected = api.map((message) => message.reference);
    expect(await shownReferences(page)).toEqual(expected);
  }).toPass({ timeout: 10_000 });
  return expected;
}
