import { useEffect, useEffectEvent, useId, useRef, useState, type Ref } from 'react';
import type { HistoryMode } from '../hooks/use-message-filters';

/** How long typing rests before the address bar follows. */
export const TEXT_FILTER_DEBOUNCE_MS = 350;

interface TextFilterProps {
  label: string;
  /** The value in the address bar. */
  value: string | undefined;
  onCommit: (value: string | undefined, mode: HistoryMode) => void;
  /** A reason the draft cannot be used yet, or `undefined` when it can. */
  validate?: (draft: string) => string | undefined;
  type?: 'text' | 'search';
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  hint?: string;
}

/**
 * A text filter that follows the address bar and writes to it after typing rests. The
 * first write of a visit to the field adds a history entry; the rest replace it, so Back
 * undoes the whole edit rather than one keystroke.
 */
export function TextFilter({
  label,
  value,
  onCommit,
  validate,
  type = 'text',
  placeholder,
  inputRef,
  hint,
}: TextFilterProps) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [shownValue, setShownValue] = useState(value);
  const pushed = useRef(false);

  // The address changed from elsewhere (a chip, Back, Clear filters): show it.
  if (shownValue !== value) {
    setShownValue(value);
    setDraft(value ?? '');
  }

  const trimmed = draft.trim();
  const problem = trimmed === '' ? undefined : validate?.(trimmed);

  const commit = useEffectEvent((next: string) => {
    onCommit(next === '' ? undefined : next, pushed.current ? 'replace' : 'push');
    pushed.current = true;
  });

  useEffect(() => {
    if (problem !== undefined || trimmed === (value ?? '')) return;
    const timer = setTimeout(() => {
      commit(trimmed);
    }, TEXT_FILTER_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [trimmed, value, problem]);

  const describedBy = [
    hint === undefined ? '' : `${id}-hint`,
    problem === undefined ? '' : `${id}-error`,
  ]
    .filter((part) => part !== '')
    .join(' ');

  return (
    <div className="messages-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type={type}
        value={draft}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem === undefined ? undefined : true}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onFocus={() => {
          pushed.current = false;
        }}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && problem === undefined) {
            event.preventDefault();
            if (trimmed !== (value ?? '')) {
              onCommit(trimmed === '' ? undefined : trimmed, pushed.current ? 'replace' : 'push');
              pushed.current = true;
            }
          }
        }}
      />
      {hint === undefined ? null : (
        <span id={`${id}-hint`} className="messages-field-hint">
          {hint}
        </span>
      )}
      {problem === undefined ? null : (
        <span id={`${id}-error`} className="messages-field-error">
          {problem}
        </span>
      )}
    </div>
  );
}
