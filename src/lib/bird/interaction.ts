import { z } from '../zod';
import { listPage, platformIdSchema, timestampSchema, uuidSchema } from './common';
import { INTERACTION_PAGE_SIZE } from './decisions';
import { messageContactSchema } from './message';
import { limitParam, pageTokenParam } from './query-params';

/** §3 Interaction (E8, DOC): what happened to a message after delivery. */

export const INTERACTION_TYPES = [
  'opened',
  'clicked',
  'read',
  'reaction',
  'reported-as-spam',
  'unsubscribe-request',
  'subscribe-request',
  'subscribe-consent',
  'conversion',
  'delete-request',
  'invalid',
] as const;
export const interactionTypeSchema = z.enum(INTERACTION_TYPES);
export type InteractionType = z.infer<typeof interactionTypeSchema>;

export const interactionMetadataSchema = z.looseObject({
  link: z.optional(z.object({ name: z.string(), url: z.string() })),
  reaction: z.optional(z.object({ emoji: z.string(), action: z.string() })),
});
export type InteractionMetadata = z.infer<typeof interactionMetadataSchema>;

export const interactionSchema = z.object({
  id: uuidSchema,
  messageId: uuidSchema,
  channelId: uuidSchema,
  platformId: platformIdSchema,
  type: interactionTypeSchema,
  /** e.g. `click`, `initial_open`; `""` when none. */
  details: z.string(),
  messageReference: z.string(),
  messageTags: z.array(z.string()),
  messagePartsCount: z.int().check(z.gte(0)),
  /** The contact the message went to (DEC: the shape of a message's receiver contact). */
  receiver: z.object({ contacts: z.array(messageContactSchema) }),
  createdAt: timestampSchema,
  metadata: z.optional(interactionMetadataSchema),
});
export type Interaction = z.infer<typeof interactionSchema>;

/** E8 answer: `{ results }`, with `nextPageToken` when the sandbox pages (follow it). */
export const interactionListSchema = listPage(interactionSchema);
export type InteractionList = z.infer<typeof interactionListSchema>;

/** E8 query string (DEC): limit 1–100 (default 10), pageToken. */
export const interactionListQuerySchema = z.object({
  limit: limitParam(INTERACTION_PAGE_SIZE),
  pageToken: pageTokenParam,
});
export type InteractionListQuery = z.output<typeof interactionListQuerySchema>;
