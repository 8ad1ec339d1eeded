import { use, useMemo } from 'react';
import { useNow } from '@/components/use-now';
import type { Channel } from '@/lib/bird/channel';
import type { MessageListContext } from '@/lib/message-list-link';
import { usePrivacyMode } from '@/lib/privacy-mode';
import { type TimeZonePreference, useTimeZonePreference } from '@/lib/time-zone-preference';
import { ChannelsContext } from '../components/channels-context';
import { ListLinkContext } from '../components/list-link-context';

/**
 * What a row's cells show apart from the message: privacy mode, the time zone, the time
 * relative labels count from, the channels' names, and the list the row links carry.
 */
export interface RowView {
  privacy: boolean;
  timeZone: TimeZonePreference;
  now: number;
  channels: ReadonlyMap<string, Channel>;
  list: MessageListContext | undefined;
}

/**
 * The RowView, read once for the whole list instead of once per cell: a scroll brings in
 * a few rows a frame, and each of their times, parties and links used to subscribe to these
 * on its own. It changes when one of them does (the clock every 15 s), and the rows with it.
 */
export function useRowView(): RowView {
  const { privacy } = usePrivacyMode();
  const { timeZone } = useTimeZonePreference();
  const now = useNow();
  const channels = use(ChannelsContext);
  const list = use(ListLinkContext);
  return useMemo(
    () => ({ privacy, timeZone, now, channels, list }),
    [privacy, timeZone, now, channels, list],
  );
}
