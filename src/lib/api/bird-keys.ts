import type { ChannelListQuery } from '@/lib/bird/channel';
import type { MessageListFilters } from '@/lib/bird/message-list-query';

/**
 * Query keys of everything read from Bird, under ONE root so that a disconnect drops it all
 * with `removeQueries({ queryKey: birdKeys.all })`. Every key carries the workspace id: the
 * same channel id in another workspace is another thing.
 *
 * ['bird', ws, 'channels', 'list', params]
 * ['bird', ws, 'channels', 'detail', channelId]
 * ['bird', ws, 'messages', 'list', 'workspace', filters]            (infinite)
 * ['bird', ws, 'messages', 'list', 'channel', channelId, filters]   (infinite)
 * ['bird', ws, 'messages', 'detail', channelId, messageId]
 * ['bird', ws, 'interactions', channelId, messageId]                (infinite)
 */

/** E1 parameters the app may set; the cursor is not part of a plain list's key. */
export type ChannelListParams = Partial<Omit<ChannelListQuery, 'pageToken'>>;

const all = ['bird'] as const;
const workspace = (workspaceId: string) => [...all, workspaceId] as const;

const channelsAll = (workspaceId: string) => [...workspace(workspaceId), 'channels'] as const;
const channelLists = (workspaceId: string) => [...channelsAll(workspaceId), 'list'] as const;
const channelDetails = (workspaceId: string) => [...channelsAll(workspaceId), 'detail'] as const;

export const channelKeys = {
  all: channelsAll,
  lists: channelLists,
  list: (workspaceId: string, params: ChannelListParams = {}) =>
    [...channelLists(workspaceId), params] as const,
  details: channelDetails,
  detail: (workspaceId: string, channelId: string) =>
    [...channelDetails(workspaceId), channelId] as const,
};

const messagesAll = (workspaceId: string) => [...workspace(workspaceId), 'messages'] as const;
const messageLists = (workspaceId: string) => [...messagesAll(workspaceId), 'list'] as const;
const messageDetails = (workspaceId: string) => [...messagesAll(workspaceId), 'detail'] as const;

export const messageKeys = {
  all: messagesAll,
  /** Every message list of the workspace (invalidate after a send). */
  lists: messageLists,
  workspaceList: (workspaceId: string, filters: MessageListFilters = {}) =>
    [...messageLists(workspaceId), 'workspace', filters] as const,
  channelList: (workspaceId: string, channelId: string, filters: MessageListFilters = {}) =>
    [...messageLists(workspaceId), 'channel', channelId, filters] as const,
  details: messageDetails,
  detail: (workspaceId: string, channelId: string, messageId: string) =>
    [...messageDetails(workspaceId), channelId, messageId] as const,
};

const interactionsAll = (workspaceId: string) =>
  [...workspace(workspaceId), 'interactions'] as const;

export const interactionKeys = {
  all: interactionsAll,
  list: (workspaceId: string, channelId: string, messageId: string) =>
    [...interactionsAll(workspaceId), channelId, messageId] as const,
};

export const birdKeys = {
  all,
  workspace,
  channels: channelKeys,
  messages: messageKeys,
  interactions: interactionKeys,
};
