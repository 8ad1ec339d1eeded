import { z } from '../zod';
import { platformIdSchema, rfc3339ToTimestampSchema, uuidSchema } from './common';
import { MESSAGE_LIST_PARAM, MESSAGE_PAGE_SIZE } from './decisions';
import { MESSAGE_STATUSES, isMessageStatus, messageDirectionSchema } from './message';
import type { MessageStatus } from './message';
import { limitParam, manyParam, pageTokenParam, reverseParam, singleParam } from './query-params';
import { tagSchema } from './tag';

/**
 * E5/E6 query string (§2, parameter names DEC). Parse the query object a server hands you
 * (`string | string[]` per name); unknown parameters are ignored (DEC).
 */

const nonEmpty = z.string().check(z.trim(), z.minLength(1));

const statusesParam = z.pipe(
  manyParam(z.string()),
  z.transform((values: string[] | undefined, ctx): MessageStatus[] | undefined => {
    if (values === undefined) return undefined;
    const unknown = values.filter((v) => !isMessageStatus(v));
    if (unknown.length > 0) {
      ctx.issues.push({
        code: 'custom',
        input: values,
        message: `must be one of ${MESSAGE_STATUSES.join(', ')} (got ${unknown
          .map((v) => JSON.stringify(v))
          .join(', ')})`,
      });
      return z.NEVER;
    }
    return [...new Set(values.filter(isMessageStatus))];
  }),
);

const channelMessageListShape = {
  limit: limitParam(MESSAGE_PAGE_SIZE),
  pageToken: pageTokenParam,
  reverse: reverseParam,
  platform: singleParam(platformIdSchema),
  /** createdAt ≥ startAt (RFC 3339, normalised to UTC with milliseconds). */
  startAt: singleParam(rfc3339ToTimestampSchema),
  /** createdAt < endAt. */
  endAt: singleParam(rfc3339ToTimestampSchema),
  /** Sender identifier, exact match. */
  from: singleParam(nonEmpty),
  /** Any receiver contact's identifier, exact match. */
  to: singleParam(nonEmpty),
  /** One tag, compared lower-cased. */
  tag: singleParam(tagSchema),
  /** Word/prefix search on the email subject. */
  subject: singleParam(nonEmpty),
  batchId: singleParam(uuidSchema),
  /** One or several statuses (`?status=sent&status=delivered`). */
  status: statusesParam,
  direction: singleParam(messageDirectionSchema),
};

/** E5 `GET /workspaces/{ws}/channels/{ch}/messages`. */
export const channelMessageListQuerySchema = z.object(channelMessageListShape);
export type ChannelMessageListQuery = z.output<typeof channelMessageListQuerySchema>;

/** E6 `GET /workspaces/{ws}/messages`: the same filters plus `channelId`. */
export const workspaceMessageListQuerySchema = z.object({
  ...channelMessageListShape,
  channelId: singleParam(uuidSchema),
});
export type WorkspaceMessageListQuery = z.output<typeof workspaceMessageListQuerySchema>;

/** The filters the app's filter model maps to (everything but paging). */
export type MessageListFilters = Partial<Omit<WorkspaceMessageListQuery, 'limit' | 'pageToken'>>;

/** A request for one page: the filters plus paging. */
export type MessageListRequest = MessageListFilters & { limit?: number; pageToken?: string };

// Fail compilation if a parsed field has no parameter name in decisions.ts.
const PARAM_NAME: Readonly<Record<keyof MessageListRequest, string>> = MESSAGE_LIST_PARAM;

/**
 * The query string for a page of messages; the inverse of the schemas above. Absent
 * values, `reverse=false` and empty lists are left out; statuses repeat.
 */
export function toMessageListSearchParams(request: MessageListRequest): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM_NAME) as (keyof MessageListRequest)[]) {
    const value = request[key];
    const name = PARAM_NAME[key];
    if (value === undefined || value === false || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else params.set(name, String(value));
  }
  return params;
}
