import { z } from '@/lib/zod';
import { columnVisibilitySchema, type ColumnVisibility } from '../hooks/use-column-preferences';

/** A named set of filters (the address's search string) and visible columns. */
export interface SavedView {
  name: string;
  /** The canonical search string of the filters, without `?`. */
  search: string;
  columns: ColumnVisibility;
}

export const VIEW_NAME_MAX_LENGTH = 60;
export const MAX_SAVED_VIEWS = 50;

const savedViewSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(VIEW_NAME_MAX_LENGTH)),
  search: z.string().check(z.maxLength(8000)),
  columns: columnVisibilitySchema,
});

/** Stored views; anything unreadable is dropped rather than breaking the page. */
export function parseSavedViews(raw: string | null): SavedView[] {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .map((item) => savedViewSchema.safeParse(item))
      .filter((result) => result.success)
      .map((result) => result.data)
      .slice(0, MAX_SAVED_VIEWS);
  } catch {
    return [];
  }
}

/** Adds a view, replacing one of the same name (case-insensitive); sorted by name. */
export function saveView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const name = view.name.trim();
  const others = views.filter((v) => v.name.toLowerCase() !== name.toLowerCase());
  return [...others, { ...view, name }]
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_SAVED_VIEWS);
}

export function deleteView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name);
}
