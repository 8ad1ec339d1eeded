import { useEffect, useRef, useState } from 'react';
import { isBlank, parseDraft, type ComposeForm } from '../utils/compose-form';

/** Stored per workspace; a draft holds only what was typed, never the access key. */
export function draftKey(workspaceId: string): string {
  return `perch.compose.draft.${workspaceId}`;
}

/** How long after the last change a draft is written (the issue asks for at most 1 s). */
export const DRAFT_SAVE_DELAY_MS = 400;

function readDraft(key: string): ComposeForm | undefined {
  try {
    return parseDraft(window.localStorage.getItem(key));
  } catch {
    return undefined;
  }
}

/** The workspace's saved draft, if any (for a prefill to add to rather than replace). */
export function readStoredDraft(workspaceId: string): ComposeForm | undefined {
  return readDraft(draftKey(workspaceId));
}

export type DraftState = 'none' | 'restored' | 'prefilled' | 'saved' | 'unavailable';

/**
 * The form's state, restored from the browser's draft and written back shortly after every
 * change. `clear()` forgets the draft (after a confirmed send, or Discard draft).
 */
export function useComposeDraft(
  workspaceId: string,
  initial: () => ComposeForm,
  /** A prefill (Duplicate, Reply, media): replaces the stored draft, saved as the new one. */
  prefilled?: ComposeForm,
) {
  const key = draftKey(workspaceId);
  const [restored] = useState(() => (prefilled ? undefined : readDraft(key)));
  const [form, setForm] = useState<ComposeForm>(() => prefilled ?? restored ?? initial());
  const [state, setState] = useState<DraftState>(
    prefilled ? 'prefilled' : restored ? 'restored' : 'none',
  );
  const skipNext = useRef(prefilled === undefined);

  useEffect(() => {
    // The first render and a cleared form write nothing.
    if (skipNext.current) {
      skipNext.current = false;
      return;
    }
    const timer = setTimeout(() => {
      try {
        // Emptied by hand: nothing is worth restoring any more.
        if (isBlank(form)) window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, JSON.stringify(form));
        setState(isBlank(form) ? 'none' : 'saved');
      } catch {
        setState('unavailable');
      }
    }, DRAFT_SAVE_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [form, key]);

  const clear = (next: ComposeForm) => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Storage disabled: there was nothing stored either.
    }
    skipNext.current = true;
    setForm(next);
    setState('none');
  };

  return { form, setForm, draftState: state, clear };
}
