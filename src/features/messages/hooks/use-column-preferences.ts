import { useCallback, useSyncExternalStore } from 'react';
import { z } from '@/lib/zod';
import { createStoredPreference } from '@/lib/stored-preference';
import { VIEW_PREFERENCE_KEYS } from '@/lib/view-cookie';
import { MESSAGE_COLUMN_IDS, type MessageColumnId } from '../components/message-columns';

/** Which columns show and how wide they are, remembered per browser. */

export type ColumnVisibility = Partial<Record<MessageColumnId, boolean>>;
export type ColumnSizing = Partial<Record<MessageColumnId, number>>;

const columnIdSchema = z.enum(MESSAGE_COLUMN_IDS);
export const columnVisibilitySchema = z.partialRecord(columnIdSchema, z.boolean());
const columnSizingSchema = z.partialRecord(
  columnIdSchema,
  z.number().check(z.gte(40), z.lte(2000)),
);

function parseJson<T>(schema: z.ZodMiniType<T>, raw: string | null, fallback: T): T {
  if (raw === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** The columns that show when nothing was chosen: all of them. */
export const DEFAULT_COLUMN_VISIBILITY: ColumnVisibility = {};

/** Only known columns, and `content` (the row's link) always shows. */
export function cleanVisibility(visibility: ColumnVisibility): ColumnVisibility {
  const out: ColumnVisibility = {};
  for (const id of MESSAGE_COLUMN_IDS) {
    if (id !== 'content' && visibility[id] === false) out[id] = false;
  }
  return out;
}

const visibilityPreference = createStoredPreference<ColumnVisibility>({
  key: VIEW_PREFERENCE_KEYS.columns,
  parse: (raw) =>
    cleanVisibility(parseJson(columnVisibilitySchema, raw, DEFAULT_COLUMN_VISIBILITY)),
  serialize: (value) => JSON.stringify(value),
});

const sizingPreference = createStoredPreference<ColumnSizing>({
  key: VIEW_PREFERENCE_KEYS.columnSizes,
  parse: (raw) => parseJson(columnSizingSchema, raw, {}),
  serialize: (value) => JSON.stringify(value),
});

type Updater<T> = T | ((previous: T) => T);
const apply = <T>(updater: Updater<T>, previous: T): T =>
  typeof updater === 'function' ? (updater as (previous: T) => T)(previous) : updater;

export function useColumnPreferences() {
  const columnVisibility = useSyncExternalStore(
    visibilityPreference.subscribe,
    visibilityPreference.get,
    visibilityPreference.getServerSnapshot,
  );
  const columnSizing = useSyncExternalStore(
    sizingPreference.subscribe,
    sizingPreference.get,
    sizingPreference.getServerSnapshot,
  );
  const setColumnVisibility = useCallback((updater: Updater<ColumnVisibility>) => {
    visibilityPreference.set(cleanVisibility(apply(updater, visibilityPreference.get())));
  }, []);
  const setColumnSizing = useCallback((updater: Updater<ColumnSizing>) => {
    sizingPreference.set(apply(updater, sizingPreference.get()));
  }, []);
  return { columnVisibility, setColumnVisibility, columnSizing, setColumnSizing };
}
