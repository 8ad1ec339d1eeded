/** What the composer started from, or ignored; with Undo when a saved draft was changed. */
export function StartNotice({
  notes,
  onUndo,
}: {
  notes: readonly string[];
  onUndo: (() => void) | undefined;
}) {
  if (notes.length === 0) return null;
  return (
    <div role="status" className="compose-note compose-start-note">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      {onUndo === undefined ? null : (
        <button type="button" className="button compose-button-small" onClick={onUndo}>
          Undo: keep the draft as it was
        </button>
      )}
    </div>
  );
}
