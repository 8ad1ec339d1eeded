import { isFinalStatus, type Message } from '@/lib/bird/message';

/** How often a message that is on its way is asked for again, at first. */
export const LIVE_REFRESH_MS = 1_000;
/** After this many answers without reaching a final status, it is asked for less often. */
export const QUICK_REFRESHES = 60;
export const SLOW_REFRESH_MS = 5_000;
/** A scheduled message changes only when it falls due. */
export const SCHEDULED_REFRESH_MS = 30_000;

/**
 * The message page's `refetchInterval`: none once the message is final; every second while
 * it moves, then every five seconds for one that lingers (a `sent` message may never get a
 * delivery report), and every thirty while it waits for its schedule.
 */
export function liveRefreshInterval(message: Message | undefined, answers: number): number | false {
  if (message === undefined || isFinalStatus(message.status)) return false;
  if (message.status === 'scheduled') return SCHEDULED_REFRESH_MS;
  return answers < QUICK_REFRESHES ? LIVE_REFRESH_MS : SLOW_REFRESH_MS;
}
