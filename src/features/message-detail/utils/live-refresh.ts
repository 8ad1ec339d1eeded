import { isFinalStatus, type Message } from '@/lib/bird/message';

/** How often a message that is on its way is asked for again, at first. */
export const LIVE_REFRESH_MS = 1_000;
/** After this many answers without reaching a final status, it is asked for less often. */
export const QUICK_REFRESHES = 60;
export const SLOW_REFRESH_MS = 5_000;
/** A scheduled message changes only when it falls due: until then, asked for this often. */
export const SCHEDULED_REFRESH_MS = 30_000;

/**
 * The message page's `refetchInterval`: none once the message is final; every second while
 * it moves, then every five seconds for one that lingers (a `sent` message may never get a
 * delivery report). A scheduled message is asked for every thirty seconds while it waits,
 * and at its time when that comes sooner, so the page shows it leave as it goes; once its
 * time has passed (by this browser's clock) it counts as moving.
 */
export function liveRefreshInterval(
  message: Message | undefined,
  answers: number,
  nowMs: number = Date.now(),
): number | false {
  if (message === undefined || isFinalStatus(message.status)) return false;
  if (message.status === 'scheduled') {
    const dueInMs = Date.parse(message.scheduledFor ?? '') - nowMs;
    if (Number.isNaN(dueInMs) || dueInMs >= SCHEDULED_REFRESH_MS) return SCHEDULED_REFRESH_MS;
    if (dueInMs > 0) return Math.max(Math.ceil(dueInMs), LIVE_REFRESH_MS);
  }
  return answers < QUICK_REFRESHES ? LIVE_REFRESH_MS : SLOW_REFRESH_MS;
}
