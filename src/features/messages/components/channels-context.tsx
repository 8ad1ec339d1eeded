import { createContext } from 'react';
import type { Channel } from '@/lib/bird/channel';

/** The workspace's channels by id, for cells that show a channel's name and platform. */
export const ChannelsContext = createContext<ReadonlyMap<string, Channel>>(new Map());
