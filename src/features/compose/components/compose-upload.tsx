import { useCallback, useEffect, useRef } from 'react';
import { DropZone } from '@/components/upload/drop-zone';
import { UploadList } from '@/components/upload/upload-list';
import { useUploadQueue } from '@/components/upload/use-upload-queue';
import type { UploadItem } from '@/lib/media/upload-queue';
import type { PickedMedia } from '../utils/media-form';

interface ComposeUploadProps {
  workspaceId: string;
  /** The channel the files are presigned for. */
  channelId: string;
  /** The drop zone's heading; also names the list of uploads ("… uploads"). */
  title: string;
  hint: string;
  /** Several files (attachments) or one (an image or file body). */
  multiple: boolean;
  /** A finished upload, to put into the form; its row then goes. */
  onMedia: (media: PickedMedia) => void;
  /** How many uploads are waiting or moving; 0 again when this unmounts. */
  onBusyChange: (count: number) => void;
}

/**
 * The Media page's drop zone and rows, inside the composer: files are checked, presigned for
 * the message's channel and uploaded with progress, Cancel and Retry; a finished one leaves
 * the list and lands in the form. Leaving (another channel or message type) cancels what is
 * still moving.
 */
export function ComposeUpload({
  workspaceId,
  channelId,
  title,
  hint,
  multiple,
  onMedia,
  onBusyChange,
}: ComposeUploadProps) {
  const rowsRef = useRef<HTMLDivElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const onDone = useCallback(
    (item: UploadItem) => {
      if (!item.check.ok || item.mediaUrl === undefined) return;
      // The row is about to go: keep a keyboard user's focus in the zone, not on the page.
      if (rowsRef.current?.contains(document.activeElement) === true) chooseRef.current?.focus();
      onMedia({
        mediaUrl: item.mediaUrl,
        filename: item.check.displayName,
        contentType: item.check.contentType,
        size: item.check.size,
      });
    },
    [onMedia],
  );
  const queue = useUploadQueue({ workspaceId, channelId, onDone, removeDone: true });
  const busy = queue.items.filter((i) => i.status === 'queued' || i.status === 'uploading').length;
  useEffect(() => {
    onBusyChange(busy);
  }, [busy, onBusyChange]);
  useEffect(
    () => () => {
      onBusyChange(0);
    },
    [onBusyChange],
  );

  return (
    <div className="compose-upload">
      <DropZone
        title={title}
        hint={hint}
        multiple={multiple}
        buttonRef={chooseRef}
        onFiles={(files) => {
          void queue.addFiles(multiple ? files : files.slice(0, 1));
        }}
      />
      <div ref={rowsRef}>
        <UploadList
          label={`${title}: uploads`}
          items={queue.items}
          onCancel={queue.cancel}
          onRetry={queue.retry}
          onRemove={queue.remove}
          focusWhenEmpty={() => {
            chooseRef.current?.focus();
          }}
        />
      </div>
    </div>
  );
}
