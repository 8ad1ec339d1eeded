import { useCallback, useSyncExternalStore } from 'react';
import { createStoredPreference } from '@/lib/stored-preference';
import { deleteView, parseSavedViews, saveView, type SavedView } from '../utils/saved-views';

const savedViews = createStoredPreference<SavedView[]>({
  key: 'perch.messages.views',
  parse: parseSavedViews,
  serialize: (views) => JSON.stringify(views),
});

/** The views saved in this browser. */
export function useSavedViews() {
  const views = useSyncExternalStore(
    savedViews.subscribe,
    savedViews.get,
    savedViews.getServerSnapshot,
  );
  const save = useCallback((view: SavedView) => {
    savedViews.set(saveView(savedViews.get(), view));
  }, []);
  const remove = useCallback((name: string) => {
    savedViews.set(deleteView(savedViews.get(), name));
  }, []);
  return { views, save, remove };
}
