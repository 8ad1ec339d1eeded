import type { MessageStatus } from '@/lib/bird/message';
import './status-badge.css';

/** How a status looks: its words and its family of colour. */
export type StatusTone = 'pending' | 'progress' | 'success' | 'failed' | 'neutral';

const STATUS_LABELS: Readonly<Record<MessageStatus, string>> = {
  accepted: 'Accepted',
  scheduled: 'Scheduled',
  processing: 'Processing',
  sent: 'Sent',
  delivered: 'Delivered',
  rejected: 'Rejected',
  sending_failed: 'Sending failed',
  delivery_failed: 'Delivery failed',
  deleted: 'Deleted',
  skipped: 'Skipped',
};

const STATUS_TONES: Readonly<Record<MessageStatus, StatusTone>> = {
  accepted: 'progress',
  scheduled: 'pending',
  processing: 'progress',
  sent: 'progress',
  delivered: 'success',
  rejected: 'failed',
  sending_failed: 'failed',
  delivery_failed: 'failed',
  deleted: 'neutral',
  skipped: 'neutral',
};

export function statusLabel(status: MessageStatus): string {
  return STATUS_LABELS[status];
}

export function statusTone(status: MessageStatus): StatusTone {
  return STATUS_TONES[status];
}

/** Rejected, sending failed and delivery failed: the rows an operator looks at first. */
export function isFailedStatus(status: MessageStatus): boolean {
  return STATUS_TONES[status] === 'failed';
}

/**
 * A message status as a coloured pill. The words are always there (colour is never the
 * only signal), and failed statuses carry a cross as well as their red. The glyph before
 * the words is drawn by status-badge.css: the list shows a badge on every row it scrolls
 * past, and an SVG each time made those rows slower to lay out and paint.
 */
export function StatusBadge({ status }: { status: MessageStatus }) {
  const tone = STATUS_TONES[status];
  return (
    <span className={`status-badge status-badge-${tone}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
