import { z } from '@/lib/zod';
import {
  platformIdSchema,
  rfc3339ToTimestampSchema,
  toTimestamp,
  uuidSchema,
} from '@/lib/bird/common';
import {
  MESSAGE_DIRECTIONS,
  MESSAGE_STATUSES,
  isMessageStatus,
  messageDirectionSchema,
  type MessageDirection,
  type MessageStatus,
} from '@/lib/bird/message';
import type { MessageListFilters } from '@/lib/bird/message-list-query';
import { tagSchema } from '@/lib/bird/tag';

/**
 * The Messages page's filters as they live in the address bar (the only place they live).
 * `parseMessageFilters` reads any search string without ever throwing: a value that does
 * not fit is ignored and named in a notice. `messageFiltersToSearch` writes the canonical
 * form back. Date presets are stored by name, so a shared link means "the last hour" for
 * whoever opens it.
 */

export const DATE_PRESETS = ['15m', '1h', '24h', '7d', '30d'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const DATE_PRESET_LABELS: Readonly<Record<DatePreset, string>> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

const MINUTE = 60_000;
export const DATE_PRESET_MS: Readonly<Record<DatePreset, number>> = {
  '15m': 15 * MINUTE,
  '1h': 60 * MINUTE,
  '24h': 24 * 60 * MINUTE,
  '7d': 7 * 24 * 60 * MINUTE,
  '30d': 30 * 24 * 60 * MINUTE,
};

export type DateRange =
  | { kind: 'preset'; preset: DatePreset }
  /** A custom window; either end may be open. Times in the API's UTC form. */
  | { kind: 'custom'; start?: string | undefined; end?: string | undefined };

export type MessageOrder = 'newest' | 'oldest';

export interface MessageFilters {
  /** Scope: one channel (E5) when set, else the whole workspace (E6). */
  channelId?: string | undefined;
  range?: DateRange | undefined;
  platform?: string | undefined;
  /** Several at once; empty means any status. */
  statuses: MessageStatus[];
  direction?: MessageDirection | undefined;
  from?: string | undefined;
  to?: string | undefined;
  tag?: string | undefined;
  subject?: string | undefined;
  batchId?: string | undefined;
  order: MessageOrder;
}

export const EMPTY_MESSAGE_FILTERS: MessageFilters = { statuses: [], order: 'newest' };

/** The address bar's parameter names. */
export const URL_PARAM = {
  channelId: 'channel',
  range: 'range',
  start: 'start',
  end: 'end',
  platform: 'platform',
  statuses: 'status',
  direction: 'direction',
  from: 'from',
  to: 'to',
  tag: 'tag',
  subject: 'subject',
  batchId: 'batch',
  order: 'order',
} as const;

export const TEXT_FILTERS = ['from', 'to', 'tag', 'subject', 'batchId'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export const FILTER_LABELS = {
  channelId: 'Channel',
  range: 'Date',
  platform: 'Platform',
  statuses: 'Status',
  direction: 'Direction',
  from: 'From',
  to: 'To',
  tag: 'Tag',
  subject: 'Subject',
  batchId: 'Batch id',
  order: 'Order',
} as const satisfies Record<keyof MessageFilters, string>;

export interface ParsedMessageFilters {
  filters: MessageFilters;
  /** One sentence per value that was ignored. */
  notices: string[];
}

const nonEmptyText = z.string().check(z.trim(), z.minLength(1), z.maxLength(320));

const SINGLE_SCHEMAS = {
  channelId: uuidSchema,
  platform: platformIdSchema,
  direction: messageDirectionSchema,
  from: nonEmptyText,
  to: nonEmptyText,
  tag: tagSchema,
  subject: nonEmptyText,
  batchId: uuidSchema,
} as const;

const shown = (value: string) =>
  JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);

function firstIssue(error: z.core.$ZodError): string {
  return error.issues[0]?.message ?? 'is not valid';
}

/** Reads the filters from a search string; never throws. */
export function parseMessageFilters(search: URLSearchParams | string): ParsedMessageFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const notices: string[] = [];
  const filters: MessageFilters = { statuses: [], order: 'newest' };

  /** The one non-empty value of a single-valued parameter, else undefined (with a notice). */
  function single(name: string): string | undefined {
    const values = params.getAll(name).filter((v) => v.trim() !== '');
    if (values.length > 1 && new Set(values).size > 1) {
      notices.push(`"${name}" was given ${String(values.length)} times; only the first is used.`);
    }
    return values[0];
  }

  for (const key of Object.keys(SINGLE_SCHEMAS) as (keyof typeof SINGLE_SCHEMAS)[]) {
    const name = URL_PARAM[key];
    const raw = single(name);
    if (raw === undefined) continue;
    const parsed = SINGLE_SCHEMAS[key].safeParse(raw);
    if (parsed.success) {
      (filters as unknown as Record<string, string>)[key] = parsed.data;
    } else {
      const what =
        key === 'direction'
          ? `must be one of ${MESSAGE_DIRECTIONS.join(', ')}`
          : firstIssue(parsed.error);
      notices.push(`Ignored ${FILTER_LABELS[key].toLowerCase()} ${shown(raw)}: ${what}.`);
    }
  }

  const statuses = params.getAll(URL_PARAM.statuses).filter((v) => v !== '');
  for (const status of statuses) {
    if (!isMessageStatus(status)) {
      notices.push(`Ignored status ${shown(status)}: not one of ${MESSAGE_STATUSES.join(', ')}.`);
    } else if (!filters.statuses.includes(status)) {
      filters.statuses.push(status);
    }
  }

  const order = single(URL_PARAM.order);
  if (order === 'oldest') filters.order = 'oldest';
  else if (order !== undefined && order !== 'newest') {
    notices.push(`Ignored order ${shown(order)}: must be newest or oldest.`);
  }

  filters.range = parseRange(
    single(URL_PARAM.range),
    single(URL_PARAM.start),
    single(URL_PARAM.end),
    notices,
  );
  return { filters, notices };
}

function parseTime(name: string, raw: string | undefined, notices: string[]): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = rfc3339ToTimestampSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  notices.push(`Ignored ${name} ${shown(raw)}: must be a date and time like 2026-11-27T15:04:05Z.`);
  return undefined;
}

function parseRange(
  range: string | undefined,
  rawStart: string | undefined,
  rawEnd: string | undefined,
  notices: string[],
): DateRange | undefined {
  if (range !== undefined && (DATE_PRESETS as readonly string[]).includes(range)) {
    if (rawStart !== undefined || rawEnd !== undefined) {
      notices.push(
        `Ignored the custom start and end: the date range is "${DATE_PRESET_LABELS[range as DatePreset]}".`,
      );
    }
    return { kind: 'preset', preset: range as DatePreset };
  }
  if (range !== undefined && range !== 'custom') {
    notices.push(
      `Ignored date range ${shown(range)}: must be one of ${DATE_PRESETS.join(', ')} or custom.`,
    );
  }
  const start = parseTime('start', rawStart, notices);
  const end = parseTime('end', rawEnd, notices);
  if (start !== undefined && end !== undefined && Date.parse(start) >= Date.parse(end)) {
    notices.push('Ignored the custom date range: its start is not before its end.');
    return range === 'custom' ? { kind: 'custom' } : undefined;
  }
  if (range === 'custom' || start !== undefined || end !== undefined) {
    return { kind: 'custom', start, end };
  }
  return undefined;
}

/** The canonical search string of `filters` (no leading `?`, stable order). */
export function messageFiltersToSearch(filters: MessageFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') params.set(name, value);
  };
  set(URL_PARAM.channelId, filters.channelId);
  if (filters.range?.kind === 'preset') set(URL_PARAM.range, filters.range.preset);
  if (filters.range?.kind === 'custom') {
    set(URL_PARAM.range, 'custom');
    set(URL_PARAM.start, filters.range.start);
    set(URL_PARAM.end, filters.range.end);
  }
  set(URL_PARAM.platform, filters.platform);
  for (const status of filters.statuses) params.append(URL_PARAM.statuses, status);
  set(URL_PARAM.direction, filters.direction);
  for (const key of TEXT_FILTERS) set(URL_PARAM[key], filters[key]?.trim());
  if (filters.order === 'oldest') set(URL_PARAM.order, 'oldest');
  return params;
}

/** The createdAt window a range stands for at `nowMs`. */
export function resolveRange(
  range: DateRange | undefined,
  nowMs: number,
): { startAt?: string; endAt?: string } {
  if (range === undefined) return {};
  if (range.kind === 'preset')
    return { startAt: toTimestamp(nowMs - DATE_PRESET_MS[range.preset]) };
  return {
    ...(range.start === undefined ? {} : { startAt: range.start }),
    ...(range.end === undefined ? {} : { endAt: range.end }),
  };
}

/**
 * What the list asks the API for (E5/E6 parameters). A preset range is anchored at
 * `nowMs`; the channel is the scope, not a parameter (see `channelId`).
 */
export function toMessageListFilters(filters: MessageFilters, nowMs: number): MessageListFilters {
  const out: MessageListFilters = { ...resolveRange(filters.range, nowMs) };
  if (filters.order === 'oldest') out.reverse = true;
  if (filters.platform !== undefined) out.platform = filters.platform;
  if (filters.statuses.length > 0) out.status = [...filters.statuses];
  if (filters.direction !== undefined) out.direction = filters.direction;
  for (const key of TEXT_FILTERS) {
    const value = filters[key]?.trim();
    if (value !== undefined && value !== '') out[key] = key === 'tag' ? value.toLowerCase() : value;
  }
  return out;
}

export function hasActiveFilters(filters: MessageFilters): boolean {
  return messageFiltersToSearch(filters).size > 0;
}
