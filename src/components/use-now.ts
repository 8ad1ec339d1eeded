import { useSyncExternalStore } from 'react';
import { serverRender } from '@/lib/server-render';

/**
 * The current time for relative labels ("3 min ago"), shared by every caller: one timer for
 * the whole page, ticking every 15 seconds while anything listens.
 */
const TICK_MS = 15_000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getNow = () => now;
/** On the server: the time of the request being rendered. */
const getServerNow = () => serverRender()?.now ?? now;

export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow, getServerNow);
}
