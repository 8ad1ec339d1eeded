import { useId, type ReactNode } from 'react';
import { formatBytes, formatDuration, formatSpeed } from '@/lib/media/format';
import { describeFit } from '@/lib/media/platform-fit';
import { percentOf, type UploadItem } from '@/lib/media/upload-queue';
import { MediaUrlField } from './media-url-field';
import { FileThumbnail, KindBadge } from './file-thumbnail';

export interface UploadRowActions {
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  /** `from` is the Remove button, for the list to move focus somewhere sensible. */
  onRemove: (id: string, from: HTMLElement) => void;
  /**
   * Extra actions for a finished upload (the Media page's "Use in composer");
   * `describedBy` is the id of the file's name, for the action's description.
   */
  renderDoneActions?: (item: UploadItem, describedBy: string) => ReactNode;
}

const STATUS_TEXT: Readonly<Record<UploadItem['status'], string>> = {
  refused: 'Refused',
  queued: 'Waiting',
  uploading: 'Uploading',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const KIND_TAG = { image: 'IMG', audio: 'AUD', video: 'VID', document: 'DOC' } as const;

function Progress({ item, nameId }: { item: UploadItem; nameId: string }) {
  if (item.phase === 'presigning') {
    return <p className="upload-detail">Preparing the upload…</p>;
  }
  const percent = percentOf(item);
  const facts = [
    `${percent}%`,
    item.bytesPerSecond === undefined ? null : formatSpeed(item.bytesPerSecond),
    item.secondsLeft === undefined ? null : `${formatDuration(item.secondsLeft)} left`,
  ].filter((fact) => fact !== null);
  return (
    <div className="upload-progress">
      <progress max={100} value={percent} aria-labelledby={nameId} />
      <p className="upload-detail">
        {facts.join(' · ')}
        {item.attempt > 1 ? ' · presigned again after a refused upload' : null}
      </p>
    </div>
  );
}

/** One file: what it is, where it fits, how far it got, and what can be done with it. */
export function UploadRow({
  item,
  onCancel,
  onRetry,
  onRemove,
  renderDoneActions,
}: UploadRowActions & { item: UploadItem }) {
  const nameId = useId();
  const urlId = useId();
  const { check, status } = item;
  const moving = status === 'queued' || status === 'uploading';

  return (
    <li className={`upload-row upload-row-${status}`}>
      {check.ok && check.kind === 'image' ? (
        <FileThumbnail file={item.file} fallback={KIND_TAG.image} />
      ) : (
        <KindBadge label={check.ok ? KIND_TAG[check.kind] : '—'} />
      )}
      <div className="upload-body">
        <p className="upload-heading">
          <span id={nameId} className="upload-name">
            {check.displayName}
          </span>
          <span className={`upload-status upload-status-${status}`}>{STATUS_TEXT[status]}</span>
        </p>
        <p className="upload-detail">
          {formatBytes(check.size)}
          {check.ok ? (
            <>
              {' · '}
              {check.typeLabel} <code>{check.contentType}</code>
            </>
          ) : null}
          {check.nameChanged ? ' · name shown in a safe form' : null}
        </p>
        {check.ok ? (
          <p className="upload-detail">{describeFit(check.fit)}</p>
        ) : (
          <p className="upload-error">{check.reason}</p>
        )}
        {status === 'uploading' ? <Progress item={item} nameId={nameId} /> : null}
        {status === 'failed' && item.error !== undefined ? (
          <p className="upload-error">{item.error}</p>
        ) : null}
        {status === 'done' && item.attempt > 1 ? (
          <p className="upload-detail">
            The first upload was refused (403), so it was presigned again and sent once more.
          </p>
        ) : null}
        {status === 'done' && item.mediaUrl !== undefined ? (
          <MediaUrlField id={urlId} mediaUrl={item.mediaUrl} describedBy={nameId}>
            {renderDoneActions?.(item, nameId)}
          </MediaUrlField>
        ) : null}
      </div>
      <div className="upload-actions">
        {/* One button that turns from Cancel into Retry, so focus stays on it. */}
        {moving || status === 'failed' || status === 'cancelled' ? (
          <button
            type="button"
            className="button"
            aria-describedby={nameId}
            onClick={() => {
              if (moving) onCancel(item.id);
              else onRetry(item.id);
            }}
          >
            {moving ? 'Cancel' : 'Retry'}
          </button>
        ) : null}
        {moving ? null : (
          <button
            type="button"
            className="button"
            aria-describedby={nameId}
            onClick={(event) => {
              onRemove(item.id, event.currentTarget);
            }}
          >
            Remove
          </button>
        )}
      </div>
    </li>
  );
}
