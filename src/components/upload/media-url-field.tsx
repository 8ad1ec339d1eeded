import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';
import './upload.css';

interface MediaUrlFieldProps {
  /** The input's id (its label points at it; Copy falls back to selecting it). */
  id: string;
  mediaUrl: string;
  /** The id of the file's name, which the field and its buttons are about. */
  describedBy: string;
  /** More actions on the same line (Open, Use in composer…). */
  children?: ReactNode;
}

/** A finished upload's Media URL: read-only, with Copy, and whatever else the page offers. */
export function MediaUrlField({ id, mediaUrl, describedBy, children }: MediaUrlFieldProps) {
  return (
    <div className="media-url-field">
      <label htmlFor={id}>Media URL</label>
      <input id={id} type="text" readOnly value={mediaUrl} aria-describedby={describedBy} />
      <CopyButton text={mediaUrl} fallbackTargetId={id} describedBy={describedBy} />
      {children}
    </div>
  );
}
