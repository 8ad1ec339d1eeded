import { SANDBOX_ORIGIN } from '../http/origin';

/**
 * The media URL forms the sandbox hands out (contract E11, E12), and the path of its upload
 * form (E10). `base` is the serving origin plus mount prefix (`publicBaseUrl`), or
 * `SANDBOX_ORIGIN` for URLs stored in rows, which the HTTP layer rewrites on the way out.
 */

/**
 * The channel id in the `mediaUrl` of uploads presigned through the channel-less alias
 * (`POST /workspaces/{ws}/channel-media/presigned-upload`): the nil UUID, so those URLs keep
 * E11's shape (`/workspaces/{ws}/channels/{ch}/media/{mediaId}`) and E11 serves them too.
 */
export const CHANNEL_LESS_MEDIA_CHANNEL = '00000000-0000-0000-0000-000000000000';

/** E11: an uploaded file; `channelId` `null` for the channel-less alias. */
export function uploadedMediaUrl(
  base: string,
  workspaceId: string,
  channelId: string | null,
  mediaId: string,
): string {
  const channel = channelId ?? CHANNEL_LESS_MEDIA_CHANNEL;
  return `${base}/workspaces/${workspaceId}/channels/${channel}/media/${mediaId}`;
}

/**
 * E12: a medium of an incoming message that the sandbox generates itself (seeded messages,
 * the 9994 image reply). Store exactly this URL in the message body (e.g. an `image`
 * body's `images[].mediaUrl`); E12 serves a PNG drawn from `mediaId` for every such URL the
 * message carries, and 404 for any other.
 */
export function generatedMediaUrl(workspaceId: string, messageId: string, mediaId: string): string {
  return `${SANDBOX_ORIGIN}/workspaces/${workspaceId}/messages/${messageId}/media/${mediaId}`;
}

/** The path segment below the mount prefix where upload forms are posted (E10). */
export const UPLOAD_PATH_SEGMENT = '_uploads';

/** E10: where the form of a presigned upload is posted. */
export function uploadUrl(base: string, bucket: string): string {
  return `${base}/${UPLOAD_PATH_SEGMENT}/${bucket}`;
}
