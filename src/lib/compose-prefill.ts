import { z } from '@/lib/zod';
import { httpUrlSchema, mimeTypeSchema, uuidSchema } from '@/lib/bird/common';
import type { Message } from '@/lib/bird/message';
import { safeDisplayName } from '@/lib/media/display-name';

/**
 * How a page asks the composer to start from something, in the address bar so that the link
 * survives a reload and can be shared:
 *
 *   /compose?mode=duplicate&channelId=<uuid>&messageId=<uuid>   an outgoing message, again
 *   /compose?mode=reply&channelId=<uuid>&messageId=<uuid>       an answer to an incoming one
 *   /compose?mode=media&mediaUrl=<url>&filename=<name>&contentType=<type>[&channelId=<uuid>]
 *                                                               uploaded media, as an image or
 *                                                               file body (or an attachment)
 *
 * For a message only ids travel: the composer reads the message itself (E7,
 * `messageQueryOptions`) and turns it into a draft with {@link draftFromMessage}, so nothing
 * of the message's content sits in the URL or the history. Media travel as what the body
 * needs (Bird has no endpoint that describes a media URL).
 */

export const COMPOSE_PATH = '/compose';
export const PREFILL_MODES = ['duplicate', 'reply'] as const;
export type PrefillMode = (typeof PREFILL_MODES)[number];

export const messagePrefillSchema = z.object({
  mode: z.enum(PREFILL_MODES),
  channelId: uuidSchema,
  messageId: uuidSchema,
});
export type MessagePrefill = z.infer<typeof messagePrefillSchema>;

/** A file name that is already safe to show and send: what {@link safeDisplayName} keeps. */
export const prefillFilenameSchema = z
  .string()
  .check(z.refine((name) => !safeDisplayName(name).changed, { error: 'is not a plain file name' }));

/** Uploaded media for the composer; `channelId` is the channel it was presigned for, if any. */
export interface MediaPrefill {
  mode: 'media';
  mediaUrl: string;
  filename?: string;
  contentType?: string;
  channelId?: string;
}

export type ComposePrefill = MessagePrefill | MediaPrefill;

/** What the address asked for, and in words what of it was ignored as malformed. */
export interface ComposeAddress {
  prefill: ComposePrefill | null;
  ignored: string[];
}

/** The composer's address for a prefill. */
export function composePrefillPath(prefill: ComposePrefill): string {
  const search = new URLSearchParams({ mode: prefill.mode });
  if (prefill.mode === 'media') {
    search.set('mediaUrl', prefill.mediaUrl);
    if (prefill.filename !== undefined) search.set('filename', prefill.filename);
    if (prefill.contentType !== undefined) search.set('contentType', prefill.contentType);
    if (prefill.channelId !== undefined) search.set('channelId', prefill.channelId);
  } else {
    search.set('channelId', prefill.channelId);
    search.set('messageId', prefill.messageId);
  }
  return `${COMPOSE_PATH}?${search.toString()}`;
}

/** One optional value: kept when valid, else named in `ignored`. */
function optional<T>(
  value: string | null,
  schema: z.ZodMiniType<T>,
  what: string,
  ignored: string[],
): T | undefined {
  if (value === null || value === '') return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  ignored.push(what);
  return undefined;
}

function readMediaPrefill(search: URLSearchParams): ComposeAddress {
  const mediaUrl = httpUrlSchema.safeParse(search.get('mediaUrl'));
  if (!mediaUrl.success) return { prefill: null, ignored: ['the media URL (not an http(s) URL)'] };
  const ignored: string[] = [];
  const filename = optional(
    search.get('filename'),
    prefillFilenameSchema,
    'the file name',
    ignored,
  );
  const contentType = optional(
    search.get('contentType'),
    mimeTypeSchema,
    'the content type',
    ignored,
  );
  const channelId = optional(search.get('channelId'), uuidSchema, 'the channel', ignored);
  return {
    prefill: {
      mode: 'media',
      mediaUrl: mediaUrl.data,
      ...(filename === undefined ? {} : { filename }),
      ...(contentType === undefined ? {} : { contentType }),
      ...(channelId === undefined ? {} : { channelId }),
    },
    ignored,
  };
}

/**
 * The prefill in a composer address. No `mode`: nothing asked, nothing ignored. A malformed
 * message prefill is ignored as a whole; a media prefill keeps its valid values.
 */
export function readComposeAddress(search: URLSearchParams): ComposeAddress {
  const mode = search.get('mode');
  if (mode === null || mode === '') return { prefill: null, ignored: [] };
  if (mode === 'media') return readMediaPrefill(search);
  const parsed = messagePrefillSchema.safeParse({
    mode,
    channelId: search.get('channelId'),
    messageId: search.get('messageId'),
  });
  return parsed.success
    ? { prefill: parsed.data, ignored: [] }
    : { prefill: null, ignored: ['the message to start from (a malformed link)'] };
}

/** Which prefills make sense for a message: duplicate outgoing ones, reply to incoming ones. */
export function prefillModeFor(message: Message): PrefillMode {
  return message.direction === 'outgoing' ? 'duplicate' : 'reply';
}

/** What the composer starts with: a send request's fields, to be checked as the user edits. */
export interface ComposeDraft {
  channelId: string;
  receiver: {
    contacts: { identifierKey: string; identifierValue: string; type?: 'to' | 'cc' | 'bcc' }[];
  };
  body?: Message['body'];
  template?: Message['template'];
  reference?: string;
  tags?: string[];
  meta?: Message['meta'];
  replyTo?: { id: string; type: 'message' };
}

/**
 * The draft for `mode`, or `null` when the mode does not fit the message (a duplicate of an
 * incoming message, a reply to an outgoing one). A duplicate keeps the receivers, content,
 * reference, tags and email meta; a reply goes to the sender, with `replyTo`, and no content.
 */
export function draftFromMessage(message: Message, mode: PrefillMode): ComposeDraft | null {
  if (mode === 'reply') {
    if (message.direction !== 'incoming') return null;
    const { identifierKey, identifierValue } = message.sender.contact;
    return {
      channelId: message.channelId,
      receiver: { contacts: [{ identifierKey, identifierValue }] },
      replyTo: { id: message.id, type: 'message' },
    };
  }
  if (message.direction !== 'outgoing') return null;
  return {
    channelId: message.channelId,
    receiver: {
      contacts: message.receiver.contacts.map(({ identifierKey, identifierValue, type }) =>
        type === undefined
          ? { identifierKey, identifierValue }
          : { identifierKey, identifierValue, type },
      ),
    },
    ...(message.body === undefined ? {} : { body: message.body }),
    ...(message.template === undefined ? {} : { template: message.template }),
    ...(message.reference === '' ? {} : { reference: message.reference }),
    ...(message.tags.length === 0 ? {} : { tags: [...message.tags] }),
    ...(message.meta === undefined ? {} : { meta: message.meta }),
  };
}
