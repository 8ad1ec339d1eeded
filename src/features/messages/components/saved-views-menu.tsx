import { useId, useState } from 'react';
import type { SavedView } from '../utils/saved-views';
import { VIEW_NAME_MAX_LENGTH } from '../utils/saved-views';
import { RemoveIcon } from './remove-icon';

interface SavedViewsMenuProps {
  views: readonly SavedView[];
  onApply: (view: SavedView) => void;
  onSave: (name: string) => void;
  onDelete: (name: string) => void;
}

/** Name the current filters and columns, pick a saved view, or delete one. */
export function SavedViewsMenu({ views, onApply, onSave, onDelete }: SavedViewsMenuProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | undefined>(undefined);
  return (
    <details className="messages-menu">
      <summary className="button">Saved views</summary>
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
                    onDelete(view.name);
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
            onSave(trimmed);
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
    </details>
  );
}
