import { CSV_ROW_LIMIT } from '../utils/csv-row-limit';
import type { ExportState } from '../hooks/use-csv-export';
import { formatCount } from '@/lib/format-count';

interface ExportCsvProps {
  state: ExportState;
  onStart: () => void;
  onCancel: () => void;
  onDismiss: () => void;
}

/** Export CSV, its progress with Cancel, and how it ended. */
export function ExportCsv({ state, onStart, onCancel, onDismiss }: ExportCsvProps) {
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={onStart}
        disabled={state.status === 'running'}
        title={`Downloads every matching message (at most ${formatCount(CSV_ROW_LIMIT)}) as a CSV file`}
      >
        Export CSV
      </button>
      {state.status === 'idle' ? null : (
        <div className="messages-export" role="status">
          {state.status === 'running' ? (
            <>
              <label className="messages-export-progress">
                <span>
                  Exporting: {formatCount(state.rows)} messages
                  {state.waitingSeconds === undefined
                    ? ''
                    : ` (Bird asked to slow down; waiting ${String(state.waitingSeconds)} s)`}
                  , stops at {formatCount(CSV_ROW_LIMIT)}
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
                    ? `Exported the first ${formatCount(state.rows)} messages: the export stops at ${formatCount(CSV_ROW_LIMIT)}. Narrow the filters for the rest.`
                    : `Exported ${formatCount(state.rows)} messages to ${state.fileName}.`
                  : state.status === 'cancelled'
                    ? `Export cancelled after ${formatCount(state.rows)} messages; nothing was saved.`
                    : `The export failed after ${formatCount(state.rows)} messages: ${state.message}`}
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
