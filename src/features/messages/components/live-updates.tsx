import { useEffect } from 'react';
import type { Message } from '@/lib/bird/message';
import { useLiveUpdates, type LiveOptions } from '../hooks/use-live-updates';

/** What Live gives the page: see {@link useLiveUpdates}. */
export interface LiveView {
  pending: readonly Message[];
  latest: ReadonlyMap<string, Message>;
  reveal: () => void;
  isError: boolean;
}

interface LiveUpdatesProps extends LiveOptions {
  onChange: (view: LiveView) => void;
}

/**
 * Live mode, mounted only while it is on, and loaded then (its polling and per-row reads
 * are not part of the list's first paint): reports what it sees to the page.
 */
export default function LiveUpdates({ onChange, ...options }: LiveUpdatesProps) {
  const { pending, latest, reveal, isError } = useLiveUpdates(options);
  useEffect(() => {
    onChange({ pending, latest, reveal, isError });
  }, [onChange, pending, latest, reveal, isError]);
  return null;
}
