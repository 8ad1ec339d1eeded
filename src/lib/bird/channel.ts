import { z } from '../zod';
import { listPage, platformIdSchema, timestampSchema, uuidSchema } from './common';
import { CHANNEL_PAGE_SIZE } from './decisions';
import { limitParam, pageTokenParam, reverseParam, singleParam } from './query-params';

/** §3 Channel (E1, E2). */

export const CHANNEL_STATUSES = ['active', 'inactive', 'pending'] as const;
export const channelStatusSchema = z.enum(CHANNEL_STATUSES);
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

export const channelSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  platformId: platformIdSchema,
  connectorId: uuidSchema,
  /** The channel's phone number, email domain or handle. */
  identifier: z.string(),
  status: channelStatusSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Capability names such as `messaging.outgoing.mms` (DEC: a list of dotted names). */
  capabilities: z.optional(z.array(z.string())),
});
export type Channel = z.infer<typeof channelSchema>;

export const channelListSchema = listPage(channelSchema);
export type ChannelList = z.infer<typeof channelListSchema>;

/** E1 query string: limit 1–1000 (default 10), pageToken, reverse, platform, status. */
export const channelListQuerySchema = z.object({
  limit: limitParam(CHANNEL_PAGE_SIZE),
  pageToken: pageTokenParam,
  reverse: reverseParam,
  platform: singleParam(platformIdSchema),
  status: singleParam(channelStatusSchema),
});
export type ChannelListQuery = z.output<typeof channelListQuerySchema>;
