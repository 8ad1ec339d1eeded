import type { ColumnVisibility } from '../hooks/use-column-preferences';
import { MESSAGE_COLUMN_IDS, MESSAGE_COLUMN_LABELS } from './message-columns';

interface ColumnChooserProps {
  visibility: ColumnVisibility;
  onChange: (next: ColumnVisibility) => void;
  onResetWidths: () => void;
}

/** Which columns show (remembered in this browser). Content holds the row's link and stays. */
export function ColumnChooser({ visibility, onChange, onResetWidths }: ColumnChooserProps) {
  return (
    <details className="messages-menu">
      <summary className="button">Columns</summary>
      <div className="messages-menu-panel">
        <fieldset className="messages-menu-fieldset">
          <legend>Visible columns</legend>
          {MESSAGE_COLUMN_IDS.map((id) => (
            <label key={id} className="messages-check">
              <input
                type="checkbox"
                checked={id === 'content' || visibility[id] !== false}
                disabled={id === 'content'}
                onChange={(event) => {
                  onChange({ ...visibility, [id]: event.target.checked });
                }}
              />
              {MESSAGE_COLUMN_LABELS[id]}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button" onClick={onResetWidths}>
          Reset column widths
        </button>
      </div>
    </details>
  );
}
