import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { birdKeys } from '@/lib/api/bird-keys';
import type { MediaKind } from '@/lib/media/sniff-type';

/**
 * The media uploaded in this session, newest first. Bird has no endpoint that lists uploads,
 * so Perch remembers what it uploaded: in the query cache, under the workspace's key, so that
 * a disconnect (which removes every `birdKeys.all` query) forgets it with everything else.
 */

export interface UploadedMedia {
  mediaUrl: string;
  /** The safe display name. */
  name: string;
  size: number;
  contentType: string;
  kind: MediaKind;
  /** The channel it was presigned for; `null`: channel media. */
  channelId: string | null;
  /** Epoch ms. */
  uploadedAt: number;
}

export const uploadedMediaKey = (workspaceId: string) =>
  [...birdKeys.workspace(workspaceId), 'media', 'uploaded'] as const;

export function uploadedMediaQueryOptions(queryClient: QueryClient, workspaceId: string) {
  return queryOptions({
    queryKey: uploadedMediaKey(workspaceId),
    // Nothing to fetch: the list is what this session wrote. A refetch (an invalidation of
    // the workspace, say) keeps it as it is.
    queryFn: ({ queryKey }) => queryClient.getQueryData<UploadedMedia[]>(queryKey) ?? [],
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export function recordUploadedMedia(
  queryClient: QueryClient,
  workspaceId: string,
  media: UploadedMedia,
): void {
  queryClient.setQueryData<UploadedMedia[]>(uploadedMediaKey(workspaceId), (list = []) => [
    media,
    ...list.filter((each) => each.mediaUrl !== media.mediaUrl),
  ]);
}
