import type { Interaction } from '@/lib/bird/interaction';
import type { Message, MessageStatus } from '@/lib/bird/message';

/**
 * One history of a message: its statuses and its interactions, in time order. The API has
 * no status history, so statuses come from what the message says (`createdAt`,
 * `scheduledFor`, `lastStatusAt` with `status`), from what this page saw while it watched
 * the message change, and from the path a status implies (a delivered message was sent
 * first) — an implied step has no time.
 */

export type StatusSource = 'reported' | 'observed' | 'implied';

export type TimelineEntry =
  | { kind: 'status'; status: MessageStatus; at: string | undefined; source: StatusSource }
  | { kind: 'interaction'; interaction: Interaction; at: string };

/** Statuses seen by this page, with the `lastStatusAt` each was seen with. */
export type ObservedStatuses = Readonly<Partial<Record<MessageStatus, string>>>;

/** The statuses an outgoing message went through to reach `status`, in order. */
export function statusPath(status: MessageStatus): MessageStatus[] {
  switch (status) {
    case 'scheduled':
    case 'accepted':
    case 'rejected':
      return [status];
    case 'processing':
      return ['accepted', 'processing'];
    case 'sent':
      return ['accepted', 'processing', 'sent'];
    case 'sending_failed':
      return ['accepted', 'processing', 'sending_failed'];
    case 'delivered':
    case 'delivery_failed':
      return ['accepted', 'processing', 'sent', status];
    case 'deleted':
    case 'skipped':
      return ['accepted', status];
  }
}

function statusEntries(message: Message, observed: ObservedStatuses): TimelineEntry[] {
  if (message.direction === 'incoming') {
    return [{ kind: 'status', status: 'delivered', at: message.createdAt, source: 'reported' }];
  }
  const path = statusPath(message.status);
  if (
    message.scheduledFor !== undefined &&
    message.status !== 'scheduled' &&
    path[0] === 'accepted'
  ) {
    path.unshift('scheduled');
  }
  return path.map((status, index): TimelineEntry => {
    if (status === message.status) {
      return { kind: 'status', status, at: message.lastStatusAt, source: 'reported' };
    }
    if (index === 0) {
      const at =
        status === 'accepted' && message.scheduledFor !== undefined
          ? message.scheduledFor
          : message.createdAt;
      return { kind: 'status', status, at, source: 'reported' };
    }
    if (status === 'accepted' && message.scheduledFor !== undefined) {
      return { kind: 'status', status, at: message.scheduledFor, source: 'reported' };
    }
    const seen = observed[status];
    return seen === undefined
      ? { kind: 'status', status, at: undefined, source: 'implied' }
      : { kind: 'status', status, at: seen, source: 'observed' };
  });
}

export function buildTimeline(
  message: Message,
  observed: ObservedStatuses,
  interactions: readonly Interaction[],
): TimelineEntry[] {
  // A step without a time sorts right after the step before it.
  let previous = Number.NEGATIVE_INFINITY;
  const statuses = statusEntries(message, observed).map((entry, order) => {
    const time = entry.at === undefined ? previous : Math.max(Date.parse(entry.at), previous);
    previous = time;
    return { entry, time, group: 0, order };
  });
  const others = interactions.map((interaction, order) => ({
    entry: { kind: 'interaction', interaction, at: interaction.createdAt } satisfies TimelineEntry,
    time: Date.parse(interaction.createdAt),
    group: 1,
    order,
  }));
  return [...statuses, ...others]
    .sort((a, b) => a.time - b.time || a.group - b.group || a.order - b.order)
    .map(({ entry }) => entry);
}
