import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { DropZone } from '@/components/upload/drop-zone';
import { UploadList } from '@/components/upload/upload-list';
import { useUploadQueue } from '@/components/upload/use-upload-queue';
import { sessionQueryOptions } from '@/lib/api/session';
import type { ConnectedSessionInfo } from '@/lib/perch/session';
import type { UploadItem } from '@/lib/media/upload-queue';
import { recordUploadedMedia, uploadedMediaQueryOptions } from './api/uploaded-media';
import { ChannelPicker } from './components/channel-picker';
import { UploadedMediaList } from './components/uploaded-media-list';
import { UseInComposerLink } from './components/use-in-composer-link';
import './media-page.css';

const DESCRIPTION =
  'Upload images and files to attach to the messages you send. Each file is checked first, then uploaded through a pre-signed form.';

/** `/media`: the drop zone and its queue, and what this session uploaded. */
export function MediaPage() {
  const session = useQuery(sessionQueryOptions());
  return (
    <>
      <PageHeader title="Media" description={DESCRIPTION} />
      {/* The session guard renders pages only once connected. */}
      {session.data?.connected === true ? <MediaUploads session={session.data} /> : null}
    </>
  );
}

function MediaUploads({ session }: { session: ConnectedSessionInfo }) {
  const { workspaceId, mediaBases } = session;
  const queryClient = useQueryClient();
  const headingId = useId();
  const [channelId, setChannelId] = useState<string | null>(null);
  const chooseFilesRef = useRef<HTMLButtonElement>(null);
  const uploaded = useQuery(uploadedMediaQueryOptions(queryClient, workspaceId));

  const onDone = useCallback(
    (item: UploadItem) => {
      if (!item.check.ok || item.mediaUrl === undefined) return;
      recordUploadedMedia(queryClient, workspaceId, {
        mediaUrl: item.mediaUrl,
        name: item.check.displayName,
        size: item.check.size,
        contentType: item.check.contentType,
        kind: item.check.kind,
        channelId: item.channelId,
        uploadedAt: Date.now(),
      });
    },
    [queryClient, workspaceId],
  );
  const queue = useUploadQueue({ workspaceId, channelId, onDone });

  return (
    <div className="media-layout">
      <section className="media-section" aria-labelledby={headingId}>
        <h2 id={headingId} className="media-section-title">
          Upload
        </h2>
        <ChannelPicker workspaceId={workspaceId} value={channelId} onChange={setChannelId} />
        <DropZone
          buttonRef={chooseFilesRef}
          title="Upload files"
          hint="Up to 100 MB each, several at once; three upload at a time. Empty files and files whose bytes do not match their name are refused before anything is sent."
          onFiles={(files) => {
            void queue.addFiles(files);
          }}
        />
        <UploadList
          label="Uploads"
          items={queue.items}
          onCancel={queue.cancel}
          onRetry={queue.retry}
          onRemove={queue.remove}
          renderDoneActions={(item, describedBy) =>
            item.check.ok && item.mediaUrl !== undefined ? (
              <UseInComposerLink
                media={{
                  mediaUrl: item.mediaUrl,
                  name: item.check.displayName,
                  contentType: item.check.contentType,
                  channelId: item.channelId,
                }}
                describedBy={describedBy}
              />
            ) : null
          }
          focusWhenEmpty={() => {
            chooseFilesRef.current?.focus();
          }}
        />
      </section>
      <UploadedMediaList media={uploaded.data ?? []} mediaBases={mediaBases} />
    </div>
  );
}
