import { useCallback, useId, type Ref } from 'react';
import { platformName } from '@/components/platform-name';
import { statusLabel } from '@/components/status-badge';
import type { Channel } from '@/lib/bird/channel';
import { KNOWN_PLATFORM_IDS, uuidSchema } from '@/lib/bird/common';
import { MESSAGE_STATUSES, type MessageStatus } from '@/lib/bird/message';
import { tagSchema } from '@/lib/bird/tag';
import { useTimeZonePreference } from '@/lib/time-zone-preference';
import type { HistoryMode } from '../hooks/use-message-filters';
import { inputValueToIso, isoToInputValue } from '../utils/datetime-input';
import {
  DATE_PRESETS,
  DATE_PRESET_LABELS,
  type DateRange,
  type MessageFilters,
  type TextFilter as TextFilterKey,
} from '@/lib/message-filters-url';
import { TextFilter } from './text-filter';

interface MessageFiltersFormProps {
  filters: MessageFilters;
  setFilters: (next: MessageFilters, mode?: HistoryMode) => void;
  channels: readonly Channel[] | undefined;
  /** The subject search, focused by "/". */
  searchRef: Ref<HTMLInputElement>;
}

function rangeChoice(range: DateRange | undefined): string {
  if (range === undefined) return '';
  return range.kind === 'preset' ? range.preset : 'custom';
}

const validateTag = (draft: string) =>
  tagSchema.safeParse(draft).success ? undefined : 'Letters, digits, "-", "_" and spaces only.';
const validateBatch = (draft: string) =>
  uuidSchema.safeParse(draft).success ? undefined : 'A batch id is a UUID.';

/** Every filter of the contract, each with a visible label. Changes go to the address bar. */
export function MessageFiltersForm({
  filters,
  setFilters,
  channels,
  searchRef,
}: MessageFiltersFormProps) {
  const id = useId();
  const { timeZone } = useTimeZonePreference();
  const zoneName = timeZone === 'utc' ? 'UTC' : 'your time zone';

  const commitText = useCallback(
    (key: TextFilterKey) => (value: string | undefined, mode: HistoryMode) => {
      setFilters({ ...filters, [key]: value }, mode);
    },
    [filters, setFilters],
  );

  const platforms = [
    ...new Set<string>([
      ...KNOWN_PLATFORM_IDS,
      ...(channels ?? []).map((channel) => channel.platformId),
      ...(filters.platform === undefined ? [] : [filters.platform]),
    ]),
  ];

  const toggleStatus = (status: MessageStatus, on: boolean) => {
    const statuses = on
      ? MESSAGE_STATUSES.filter((s) => s === status || filters.statuses.includes(s))
      : filters.statuses.filter((s) => s !== status);
    setFilters({ ...filters, statuses });
  };

  const range = filters.range;
  const custom = range?.kind === 'custom' ? range : undefined;

  return (
    <form
      className="messages-filters"
      aria-label="Message filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <div className="messages-field">
        <label htmlFor={`${id}-channel`}>Channel</label>
        <select
          id={`${id}-channel`}
          value={filters.channelId ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            setFilters({ ...filters, channelId: value === '' ? undefined : value });
          }}
        >
          <option value="">All channels (workspace)</option>
          {filters.channelId !== undefined &&
          channels?.some((channel) => channel.id === filters.channelId) !== true ? (
            <option value={filters.channelId}>{filters.channelId}</option>
          ) : null}
          {(channels ?? []).map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.name} ({platformName(channel.platformId)})
            </option>
          ))}
        </select>
      </div>

      <div className="messages-field">
        <label htmlFor={`${id}-range`}>Date</label>
        <select
          id={`${id}-range`}
          value={rangeChoice(range)}
          onChange={(event) => {
            const value = event.target.value;
            const preset = DATE_PRESETS.find((p) => p === value);
            setFilters({
              ...filters,
              range:
                preset !== undefined
                  ? { kind: 'preset', preset }
                  : value === 'custom'
                    ? { kind: 'custom' }
                    : undefined,
            });
          }}
        >
          <option value="">Any time</option>
          {DATE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {DATE_PRESET_LABELS[preset]}
            </option>
          ))}
          <option value="custom">Custom range</option>
        </select>
      </div>

      {custom === undefined ? null : (
        <>
          <div className="messages-field">
            <label htmlFor={`${id}-start`}>Start</label>
            <input
              id={`${id}-start`}
              type="datetime-local"
              value={isoToInputValue(custom.start, timeZone)}
              max={isoToInputValue(custom.end, timeZone) || undefined}
              aria-describedby={`${id}-zone`}
              onChange={(event) => {
                setFilters(
                  {
                    ...filters,
                    range: { ...custom, start: inputValueToIso(event.target.value, timeZone) },
                  },
                  'replace',
                );
              }}
            />
          </div>
          <div className="messages-field">
            <label htmlFor={`${id}-end`}>End</label>
            <input
              id={`${id}-end`}
              type="datetime-local"
              value={isoToInputValue(custom.end, timeZone)}
              min={isoToInputValue(custom.start, timeZone) || undefined}
              aria-describedby={`${id}-zone`}
              onChange={(event) => {
                setFilters(
                  {
                    ...filters,
                    range: { ...custom, end: inputValueToIso(event.target.value, timeZone) },
                  },
                  'replace',
                );
              }}
            />
          </div>
          <p id={`${id}-zone`} className="messages-field-hint messages-range-zone">
            Start is included, end is not; times in {zoneName}.
          </p>
        </>
      )}

      <div className="messages-field">
        <label htmlFor={`${id}-platform`}>Platform</label>
        <select
          id={`${id}-platform`}
          value={filters.platform ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            setFilters({ ...filters, platform: value === '' ? undefined : value });
          }}
        >
          <option value="">Any platform</option>
          {platforms.map((platform) => (
            <option key={platform} value={platform}>
              {platformName(platform)}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="messages-field messages-status-field">
        <legend>Status</legend>
        <details className="messages-status-menu">
          <summary className="messages-select-like">
            {filters.statuses.length === 0
              ? 'Any status'
              : filters.statuses.length === 1
                ? statusLabel(filters.statuses[0] ?? 'accepted')
                : `${String(filters.statuses.length)} statuses`}
          </summary>
          <div className="messages-status-options">
            {MESSAGE_STATUSES.map((status) => (
              <label key={status} className="messages-check">
                <input
                  type="checkbox"
                  checked={filters.statuses.includes(status)}
                  onChange={(event) => {
                    toggleStatus(status, event.target.checked);
                  }}
                />
                {statusLabel(status)}
              </label>
            ))}
          </div>
        </details>
      </fieldset>

      <div className="messages-field">
        <label htmlFor={`${id}-direction`}>Direction</label>
        <select
          id={`${id}-direction`}
          value={filters.direction ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            setFilters({
              ...filters,
              direction: value === 'incoming' || value === 'outgoing' ? value : undefined,
            });
          }}
        >
          <option value="">Both directions</option>
          <option value="outgoing">Outgoing</option>
          <option value="incoming">Incoming</option>
        </select>
      </div>

      <TextFilter label="From" value={filters.from} onCommit={commitText('from')} />
      <TextFilter label="To" value={filters.to} onCommit={commitText('to')} />
      <TextFilter
        label="Tag"
        value={filters.tag}
        onCommit={commitText('tag')}
        validate={validateTag}
      />
      <TextFilter
        label="Subject"
        type="search"
        value={filters.subject}
        onCommit={commitText('subject')}
        inputRef={searchRef}
        placeholder="Email subject words (press /)"
      />
      <TextFilter
        label="Batch id"
        value={filters.batchId}
        onCommit={commitText('batchId')}
        validate={validateBatch}
      />

      <div className="messages-field">
        <label htmlFor={`${id}-order`}>Order</label>
        <select
          id={`${id}-order`}
          value={filters.order}
          onChange={(event) => {
            setFilters({
              ...filters,
              order: event.target.value === 'oldest' ? 'oldest' : 'newest',
            });
          }}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
    </form>
  );
}
