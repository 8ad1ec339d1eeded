import { useEffect, useState } from 'react';

interface CopyButtonProps {
  text: string;
  /** The element whose text to select when the clipboard is out of reach. */
  fallbackTargetId?: string;
  describedBy?: string;
}

type CopyState = 'idle' | 'copied' | 'manual';

/** Copies `text`; says "Copied" for a moment, or asks for Ctrl+C when the clipboard refuses. */
export function CopyButton({ text, fallbackTargetId, describedBy }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => {
      setState('idle');
    }, 2000);
    return () => {
      clearTimeout(timer);
    };
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const target = fallbackTargetId ? document.getElementById(fallbackTargetId) : null;
      if (target instanceof HTMLInputElement) {
        target.focus();
        target.select();
      }
      setState('manual');
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        aria-describedby={describedBy}
        onClick={() => {
          void copy();
        }}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="upload-copy-note" role="status">
        {state === 'manual' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
      </span>
    </>
  );
}
