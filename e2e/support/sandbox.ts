import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { z } from '../../src/lib/zod';
import { channelSchema } from '../../src/lib/bird/channel';
import { messageListSchema, messageSchema, type Message } from '../../src/lib/bird/message';
import { presignedUploadSchema } from '../../src/lib/bird/presigned-upload';
import type { sendMessageRequestSchema } from '../../src/lib/bird/send-body';
import { expect } from './fixtures';

/**
 * The sandbox's own API (AccessKey, `/sandbox/...`), for the specs: data is created there,
 * never faked, and the truth a page must show is read there.
 */

const sandboxKey = process.env.PERCH_E2E_SANDBOX_KEY ?? '';
const auth = { authorization: `AccessKey ${sandboxKey}` };

/** The sandbox's default channels (fixed ids, one active channel per platform). */
export const CHANNEL = {
  sms: '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
  whatsapp: '8b3e1f60-7a2d-4d95-b0c4-6e9f2a1d7b22',
  email: 'c47a9d12-5e8b-4f3a-8d26-1a0b9c3e4f33',
} as const;

const infoSchema = z.object({
  workspaceId: z.string(),
  channels: z.array(channelSchema),
  clock: z.object({ mode: z.string(), now: z.string() }),
});

export type SandboxInfo = z.infer<typeof infoSchema> & {
  /** The id of the workspace's active channel on `platformId` (throws when there is none). */
  channelId: (platformId: string) => string;
};

/** A send body (E3, and each item of E4) as a client of Bird writes it. */
export type SendBody = z.input<typeof sendMessageRequestSchema>;

/** A message body as Bird's API writes it (the `body` of a send or an incoming message). */
export type MessageBody = SendBody['body'];

export async function sandboxInfo(request: APIRequestContext): Promise<SandboxInfo> {
  const response = await request.get('/sandbox/_sandbox/info', { headers: auth });
  expect(response.status()).toBe(200);
  const info = infoSchema.parse(await response.json());
  return {
    ...info,
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
  return Date.parse((await sandboxInfo(request)).clock.now);
}

/** A tag no other test (nor the seed) uses. */
export function uniqueTag(label: string): string {
  return `e2e-${label}-${randomUUID().slice(0, 8)}`;
}

/** A phone number no other test uses (E.164, ends in 0–8999 so it is delivered). */
export function uniquePhone(ending?: string): string {
  const middle = String(Math.floor(Math.random() * 1e4)).padStart(4, '0');
  const last = ending ?? String(Math.floor(Math.random() * 9000)).padStart(4, '0');
  return `+3162${middle}${last}`;
}

async function postMessage(
  request: APIRequestContext,
  workspaceId: string,
  channelId: string,
  body: SendBody,
): Promise<Message> {
  const response = await request.post(
    `/sandbox/workspaces/${workspaceId}/channels/${channelId}/messages`,
    { headers: auth, data: body },
  );
  expect(response.status(), await response.text()).toBe(202);
  return messageSchema.parse(await response.json());
}

/** E3 on the sandbox: one message on the platform's channel, as accepted. */
export async function sendMessage(
  request: APIRequestContext,
  info: SandboxInfo,
  platformId: string,
  body: SendBody,
): Promise<Message> {
  return postMessage(request, info.workspaceId, info.channelId(platformId), body);
}

export interface SimpleMessage {
  /** One of CHANNEL; SMS when absent. */
  channelId?: string;
  to?: string;
  text?: string;
  /** Email only; the text when absent. */
  subject?: string;
  tags?: string[];
  reference?: string;
}

/** The send body of a plain message: text, or on the email channel a small HTML email. */
export function simpleMessageBody(options: SimpleMessage = {}): SendBody {
  const isEmail = options.channelId === CHANNEL.email;
  const to = options.to ?? (isEmail ? 'ann@example.com' : '+31612340000');
  const text = options.text ?? `Hello ${randomUUID().slice(0, 6)}`;
  return {
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
}

/** E3 on the sandbox: a plain message (defaults for everything left out), as accepted. */
export async function sendSimpleMessage(
  request: APIRequestContext,
  info: SandboxInfo,
  options: SimpleMessage = {},
): Promise<Message> {
  const channelId = options.channelId ?? CHANNEL.sms;
  return postMessage(request, info.workspaceId, channelId, simpleMessageBody(options));
}

/** E4 on the sandbox: several messages on one platform's channel, in one batch; its id. */
export async function sendBatch(
  request: APIRequestContext,
  info: SandboxInfo,
  platformId: string,
  bodies: SendBody[],
): Promise<string> {
  const channelId = info.channelId(platformId);
  const response = await request.post(
    `/sandbox/workspaces/${info.workspaceId}/channels/${channelId}/batch/messages`,
    { headers: auth, data: { messageRequests: bodies } },
  );
  expect(response.status(), await response.text()).toBe(202);
  return z.object({ batchId: z.string() }).parse(await response.json()).batchId;
}

/** A message that a contact sends to the platform's channel, arriving now. */
export async function receiveMessage(
  request: APIRequestContext,
  info: SandboxInfo,
  platformId: string,
  from: string,
  body: MessageBody,
): Promise<Message> {
  const response = await request.post('/sandbox/_sandbox/inbound', {
    headers: auth,
    data: { channelId: info.channelId(platformId), from, body },
  });
  expect(response.status(), await response.text()).toBe(201);
  return messageSchema.parse(await response.json());
}

/** Moves the sandbox's manual clock on, running whatever lifecycle steps fall due. */
export async function advanceClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post('/sandbox/_sandbox/clock/advance', {
    headers: auth,
    data: { ms },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** E6 on the sandbox, every page: the messages matching these list parameters. */
export async function listMessages(
  request: APIRequestContext,
  info: SandboxInfo,
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
    const response = await request.get(
      `/sandbox/workspaces/${info.workspaceId}/messages?${query.toString()}`,
      { headers: auth },
    );
    expect(response.status(), await response.text()).toBe(200);
    const page = messageListSchema.parse(await response.json());
    out.push(...page.results);
    pageToken = page.nextPageToken === '' ? undefined : page.nextPageToken;
  } while (pageToken !== undefined);
  return out;
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
