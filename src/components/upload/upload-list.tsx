import { flushSync } from 'react-dom';
import type { UploadItem } from '@/lib/media/upload-queue';
import { UploadRow, type UploadRowActions } from './upload-row';

interface UploadListProps extends Omit<UploadRowActions, 'onRemove'> {
  items: readonly UploadItem[];
  /** The list's accessible name. */
  label: string;
  onRemove: (id: string) => void;
  /** Where focus goes when the last row is removed (the drop zone's button, say). */
  focusWhenEmpty?: () => void;
}

/** The first button of the row after `row`, else of the row before it. */
function neighbourButton(row: Element | null): HTMLElement | null {
  const next = row?.nextElementSibling ?? row?.previousElementSibling ?? null;
  const button = next?.querySelector('.upload-actions button');
  return button instanceof HTMLElement ? button : null;
}

/** One row per file, in the order they came; a short summary for screen readers. */
export function UploadList({
  items,
  label,
  onRemove,
  focusWhenEmpty,
  ...actions
}: UploadListProps) {
  // A removed row takes its focused button with it: move focus to a neighbour's first.
  const remove = (id: string, from: HTMLElement) => {
    const target = neighbourButton(from.closest('li'));
    flushSync(() => {
      onRemove(id);
    });
    if (target) target.focus();
    else focusWhenEmpty?.();
  };

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
            <UploadRow key={item.id} item={item} onRemove={remove} {...actions} />
          ))}
        </ul>
      )}
    </>
  );
}
