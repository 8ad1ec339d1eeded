import { useId, type ReactNode, type Ref } from 'react';
import { useDropzone } from 'react-dropzone';
import './upload.css';

interface DropZoneProps {
  /** Every file dropped, chosen or pasted, in order; checking them is the caller's job. */
  onFiles: (files: File[]) => void;
  /** The zone's heading, e.g. "Upload files". */
  title: string;
  /** One line under the heading: limits, what happens next. */
  hint?: ReactNode;
  disabled?: boolean;
  /** The "Choose files…" button, for callers that move focus to it. */
  buttonRef?: Ref<HTMLButtonElement>;
  /** One file at a time (the browse dialog picks one; the button says "Choose a file…"). */
  multiple?: boolean;
}

/**
 * Drag and drop, a real button to browse, and paste (Ctrl/Cmd+V while the zone or its button
 * has focus). Nothing is filtered here: react-dropzone hands over every file, and the
 * caller's checks refuse what does not fit, with a reason on the file's row.
 */
export function DropZone({
  onFiles,
  title,
  hint,
  disabled = false,
  buttonRef,
  multiple = true,
}: DropZoneProps) {
  const titleId = useId();
  const hintId = useId();
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: (accepted, rejected) => {
      onFiles([...accepted, ...rejected.map((rejection) => rejection.file)]);
    },
    multiple,
    // The button below is the keyboard and click target: one tab stop, a real button.
    noClick: true,
    noKeyboard: true,
    disabled,
  });

  return (
    <div
      {...getRootProps({
        role: 'group',
        'aria-labelledby': titleId,
        'aria-describedby': hint === undefined ? undefined : hintId,
        className: `drop-zone${isDragActive ? ' drop-zone-active' : ''}`,
      })}
    >
      <input {...getInputProps({ 'aria-label': 'Files to upload' })} />
      <svg className="drop-zone-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <p id={titleId} className="drop-zone-title">
        {isDragActive ? 'Drop to upload' : title}
      </p>
      <p className="drop-zone-text">
        {multiple ? 'Drag files here, paste them, or' : 'Drag a file here, paste it, or'}{' '}
        <button
          ref={buttonRef}
          type="button"
          className="button button-primary"
          onClick={open}
          disabled={disabled}
        >
          {multiple ? 'Choose files…' : 'Choose a file…'}
        </button>
      </p>
      {hint === undefined ? null : (
        <p id={hintId} className="drop-zone-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
