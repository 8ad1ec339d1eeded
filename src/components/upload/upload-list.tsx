import type { UploadItem } from '@/lib/media/upload-queue';
import { UploadRow, type UploadRowActions } from './upload-row';

interface UploadListProps extends UploadRowActions {
  items: readonly UploadItem[];
  /** The list's accessible name. */
  label: string;
}

/** One row per file, in the order they came; a short summary for screen readers. */
export function UploadList({ items, label, ...actions }: UploadListProps) {
  const count = (status: UploadItem['status']) =>
    items.filter((item) => item.status === status).length;
  const moving = count('uploading') + count('queued');
  const summary =
    items.length === 0
      ? ''
      : [
          moving > 0 ? `${moving} uploading or waiting` : null,
          `${count('done')} uploaded`,
          count('failed') > 0 ? `${count('failed')} failed` : null,
          count('refused') > 0 ? `${count('refused')} refused` : null,
        ]
          .filter((part) => part !== null)
          .join(', ');

  return (
    <>
      <p className="visually-hidden" role="status">
        {summary}
      </p>
      {items.length === 0 ? null : (
        <ul className="upload-list" aria-label={label}>
          {items.map((item) => (
            <UploadRow key={item.id} item={item} {...actions} />
          ))}
        </ul>
      )}
    </>
  );
}
