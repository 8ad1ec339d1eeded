/**
 * Paths of Perch's pass-through (`/api` → the session's Bird upstream, Bird paths below it).
 * Every segment is percent-encoded, so an id can never step outside its place in the path.
 */

const seg = encodeURIComponent;

export const API_PREFIX = '/api';

export function workspacePath(workspaceId: string): string {
  return `${API_PREFIX}/workspaces/${seg(workspaceId)}`;
}

/** E1 */
export function channelsPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/channels`;
}

/** E2 */
export function channelPath(workspaceId: string, channelId: string): string {
  return `${channelsPath(workspaceId)}/${seg(channelId)}`;
}

/** E3 (POST) and E5 (GET) */
export function channelMessagesPath(workspaceId: string, channelId: string): string {
  return `${channelPath(workspaceId, channelId)}/messages`;
}

/** E4 */
export function batchMessagesPath(workspaceId: string, channelId: string): string {
  return `${channelPath(workspaceId, channelId)}/batch/messages`;
}

/** E6 */
export function workspaceMessagesPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/messages`;
}

/** E7 */
export function messagePath(workspaceId: string, channelId: string, messageId: string): string {
  return `${channelMessagesPath(workspaceId, channelId)}/${seg(messageId)}`;
}

/** E8 */
export function interactionsPath(
  workspaceId: string,
  channelId: string,
  messageId: string,
): string {
  return `${messagePath(workspaceId, channelId, messageId)}/interactions`;
}

/** E9; `channelId` `null` is the channel-less alias (`channel-media/presigned-upload`). */
export function presignedUploadPath(workspaceId: string, channelId: string | null): string {
  return channelId === null
    ? `${workspacePath(workspaceId)}/channel-media/presigned-upload`
    : `${channelPath(workspaceId, channelId)}/presigned-upload`;
}
