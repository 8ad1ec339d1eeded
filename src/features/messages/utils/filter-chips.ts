import { statusLabel } from '@/components/status-badge';
import { platformName } from '@/components/platform-name';
import {
  DATE_PRESET_LABELS,
  FILTER_LABELS,
  TEXT_FILTERS,
  type DateRange,
  type MessageFilters,
} from '@/lib/message-filters-url';

/** One active filter as a removable chip. */
export interface FilterChip {
  /** Stable React key. */
  id: string;
  /** `Status: Delivered`, `Tag: launch`. */
  label: string;
  /** The filters without this one. */
  without: MessageFilters;
}

export interface ChipContext {
  channelName: (channelId: string) => string | undefined;
  /** Writes a range end in the user's zone. */
  formatTime: (iso: string) => string;
}

export function describeRange(range: DateRange, formatTime: (iso: string) => string): string {
  if (range.kind === 'preset') return DATE_PRESET_LABELS[range.preset];
  const { start, end } = range;
  if (start !== undefined && end !== undefined) return `${formatTime(start)} to ${formatTime(end)}`;
  if (start !== undefined) return `from ${formatTime(start)}`;
  if (end !== undefined) return `before ${formatTime(end)}`;
  return 'any time';
}

/** Every active filter, in the order of the form. */
export function filterChips(filters: MessageFilters, context: ChipContext): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (id: string, label: string, without: MessageFilters) => {
    chips.push({ id, label, without });
  };
  if (filters.channelId !== undefined) {
    add(
      'channel',
      `${FILTER_LABELS.channelId}: ${context.channelName(filters.channelId) ?? filters.channelId}`,
      { ...filters, channelId: undefined },
    );
  }
  const range = filters.range;
  if (
    range !== undefined &&
    (range.kind === 'preset' || range.start !== undefined || range.end !== undefined)
  ) {
    add('range', `${FILTER_LABELS.range}: ${describeRange(range, context.formatTime)}`, {
      ...filters,
      range: undefined,
    });
  }
  if (filters.platform !== undefined) {
    add('platform', `${FILTER_LABELS.platform}: ${platformName(filters.platform)}`, {
      ...filters,
      platform: undefined,
    });
  }
  for (const status of filters.statuses) {
    add(`status-${status}`, `${FILTER_LABELS.statuses}: ${statusLabel(status)}`, {
      ...filters,
      statuses: filters.statuses.filter((s) => s !== status),
    });
  }
  if (filters.direction !== undefined) {
    add(
      'direction',
      `${FILTER_LABELS.direction}: ${filters.direction === 'incoming' ? 'Incoming' : 'Outgoing'}`,
      { ...filters, direction: undefined },
    );
  }
  for (const key of TEXT_FILTERS) {
    const value = filters[key];
    if (value !== undefined && value.trim() !== '') {
      add(key, `${FILTER_LABELS[key]}: ${value.trim()}`, { ...filters, [key]: undefined });
    }
  }
  if (filters.order === 'oldest') {
    add('order', `${FILTER_LABELS.order}: Oldest first`, { ...filters, order: 'newest' });
  }
  return chips;
}
