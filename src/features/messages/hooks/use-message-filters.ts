import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  messageFiltersToSearch,
  parseMessageFilters,
  type MessageFilters,
} from '@/lib/message-filters-url';

/** `push` adds a history entry (a deliberate choice); `replace` does not (typing). */
export type HistoryMode = 'push' | 'replace';

/**
 * The page's filters, read from and written to the address bar, the only place they live.
 * Parsing never throws; ignored values come back as `notices`.
 */
export function useMessageFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const { filters, notices } = useMemo(() => parseMessageFilters(search), [search]);

  const setFilters = useCallback(
    (next: MessageFilters, mode: HistoryMode = 'push') => {
      const nextSearch = messageFiltersToSearch(next);
      if (nextSearch.toString() === search) return;
      setSearchParams(nextSearch, { replace: mode === 'replace' });
    },
    [search, setSearchParams],
  );

  return { filters, notices, search, setFilters };
}
