import { useId, useState } from 'react';
import { useSavedViews } from '../hooks/use-saved-views';
import type { SavedView } from '../utils/saved-views';
import { VIEW_NAME_MAX_LENGTH } from '../utils/saved-views';
import { RemoveIcon } from './remove-icon';

export interface SavedViewsPanelProps {
  /** The filters and columns on screen: what Save keeps. */
  current: Omit<SavedView, 'name'>;
  onApply: (view: SavedView) => void;
}

/**
 * The Saved views menu's panel, loaded when the menu is first opened: name the current
 * filters and columns, pick a saved view, or delete one (stored in this browser).
 */
export default function SavedViewsPanel({ current, onApply }: SavedViewsPanelProps) {
  const { views, save, remove } = useSavedViews();
  const id = useId();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | undefined>(undefined);
  return (
    <div className="messages-menu-panel messages-views-panel">
      {views.length === 0 ? (
        <p className="messages-muted">No saved views yet.</p>
      ) : (
        <ul className="messages-views" aria-label="Saved views">
          {views.map((view) => (
            <li key={view.name}>
              <button
                type="button"
                className="messages-view-apply"
                onClick={(event) => {
                  onApply(view);
                  event.currentTarget.closest('details')?.removeAttribute('open');
                }}
              >
                {view.name}
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete view ${view.name}`}
                title={`Delete view ${view.name}`}
                onClick={() => {
                  remove(view.name);
                }}
              >
                <RemoveIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="messages-view-form"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = name.trim();
          if (trimmed === '') return;
          save({ ...current, name: trimmed });
          setSaved(trimmed);
          setName('');
        }}
      >
        <label htmlFor={`${id}-name`}>View name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={VIEW_NAME_MAX_LENGTH}
          required
          onChange={(event) => {
            setName(event.target.value);
            setSaved(undefined);
          }}
        />
        <button type="submit" className="button">
          Save current view
        </button>
        <span role="status" className="messages-muted">
          {saved === undefined ? '' : `Saved "${saved}".`}
        </span>
      </form>
    </div>
  );
}
