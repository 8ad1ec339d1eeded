import { z } from 'zod';
import { uuidSchema } from '@/lib/bird/common';
import type { Message } from '@/lib/bird/message';

/**
 * How a page asks the composer to start from an existing message, in the address bar so
 * that the link survives a reload and can be shared:
 *
 *   /compose?mode=duplicate&channelId=<uuid>&messageId=<uuid>   an outgoing message, again
 *   /compose?mode=reply&channelId=<uuid>&messageId=<uuid>       an answer to an incoming one
 *
 * Only ids travel: the composer reads the message itself (E7, `messageQueryOptions`) and
 * turns it into a draft with {@link draftFromMessage}, so nothing of the message's content
 * sits in the URL or the history.
 */

export const COMPOSE_PATH = '/compose';
export const PREFILL_MODES = ['duplicate', 'reply'] as const;
export type PrefillMode = (typeof PREFILL_MODES)[number];

export const composePrefillSchema = z.object({
  mode: z.enum(PREFILL_MODES),
  channelId: uuidSchema,
  messageId: uuidSchema,
});
export type ComposePrefill = z.infer<typeof composePrefillSchema>;

/** The composer's address for a prefill. */
export function composePrefillPath(prefill: ComposePrefill): string {
  const search = new URLSearchParams({
    mode: prefill.mode,
    channelId: prefill.channelId,
    messageId: prefill.messageId,
  });
  return `${COMPOSE_PATH}?${search.toString()}`;
}

/** The prefill in a composer address, or `null` when there is none or it is malformed. */
export function readComposePrefill(search: URLSearchParams): ComposePrefill | null {
  const parsed = composePrefillSchema.safeParse({
    mode: search.get('mode'),
    channelId: search.get('channelId'),
    messageId: search.get('messageId'),
  });
  return parsed.success ? parsed.data : null;
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
