import { CSV_ROW_LIMIT } from '../utils/csv-row-limit';
import type { ExportState } from '../hooks/use-csv-export';

interface ExportCsvProps {
  state: ExportState;
  onStart: () => void;
  onCancel: () => void;
  onDismiss: () => void;
}

const count = (n: number) => n.toLocaleString('en');

/** Export CSV, its progress with Cancel, and how it ended. */
export function ExportCsv({ state, onStart, onCancel, onDismiss }: ExportCsvProps) {
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={onStart}
        disabled={state.status === 'running'}
        title={`Downloads every matching message (at most ${count(CSV_ROW_LIMIT)}) as a CSV file`}
      >
        Export CSV
      </button>
      {state.status === 'idle' ? null : (
        <div className="messages-export" role="status">
          {state.status === 'running' ? (
            <>
              <label className="messages-export-progress">
                <span>
                  Exporting: {count(state.rows)} messages
                  {state.waitingSeconds === undefined
                    ? ''
                    : ` (Bird asked to slow down; waiting ${String(state.waitingSeconds)} s)`}
                  , stops at {count(CSV_ROW_LIMIT)}
                </span>
                <progress value={state.rows} max={CSV_ROW_LIMIT} />
              </label>
              <button type="button" className="button" onClick={onCancel}>
                Cancel export
              </button>
            </>
          ) : (
            <>
              <span>
                {state.status === 'done'
                  ? state.limited
                    ? `Exported the first ${count(state.rows)} messages: the export stops at ${count(CSV_ROW_LIMIT)}. Narrow the filters for the rest.`
                    : `Exported ${count(state.rows)} messages to ${state.fileName}.`
                  : state.status === 'cancelled'
                    ? `Export cancelled after ${count(state.rows)} messages; nothing was saved.`
                    : `The export failed after ${count(state.rows)} messages: ${state.message}`}
              </span>
              <button type="button" className="button" onClick={onDismiss}>
                Dismiss
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
