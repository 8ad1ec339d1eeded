import { useId, useState } from 'react';
import type { Recipient } from '../utils/recipients';
import { FieldError } from './channel-picker';

interface RecipientInputProps {
  label: string;
  kind: 'phone' | 'email' | 'other';
  entries: readonly Recipient[];
  /** Server or schema messages per chip, by index. */
  chipErrors: (index: number) => readonly string[] | undefined;
  error: readonly string[] | undefined;
  onAdd: (text: string) => void;
  onRemove: (index: number) => void;
}

const PLACEHOLDER = {
  phone: '+31 6 1234 5678, 020 794 6095 …',
  email: 'ann@example.com bob@example.com …',
  other: 'Recipient identifier',
} as const;

const HINT = {
  phone: 'Separate numbers with commas or new lines; Enter adds what you typed.',
  email: 'Separate addresses with spaces, commas or new lines; Enter adds what you typed.',
  other: 'Separate with spaces, commas or new lines; Enter adds what you typed.',
} as const;

/** Typed or pasted recipients as chips; each invalid one says why. */
export function RecipientInput(props: RecipientInputProps) {
  const { label, kind, entries, chipErrors, error, onAdd, onRemove } = props;
  const id = useId();
  const [text, setText] = useState('');
  const separators = kind === 'phone' ? /[,;\n]/ : /[\s,;]/;

  const commit = (value: string) => {
    if (value.trim() !== '') onAdd(value);
    setText('');
  };

  return (
    <div className="field compose-recipients">
      <label htmlFor={id}>{label}</label>
      {entries.length > 0 ? (
        <ul className="compose-chips" aria-label={`${label} recipients`}>
          {entries.map((entry, index) => {
            const problems = [entry.problem, ...(chipErrors(index) ?? [])].filter(
              (p): p is string => p !== undefined,
            );
            return (
              <li
                key={entry.input}
                className="compose-chip"
                data-invalid={problems.length > 0}
                aria-invalid={problems.length > 0 || undefined}
              >
                <span className="compose-chip-value">{entry.value}</span>
                {problems.length > 0 ? (
                  <span className="compose-chip-problem">Invalid: {problems.join('; ')}</span>
                ) : entry.note === undefined ? null : (
                  <span className="compose-chip-note">{entry.note}</span>
                )}
                <button
                  type="button"
                  className="compose-chip-remove"
                  aria-label={`Remove ${entry.value}`}
                  onClick={() => {
                    onRemove(index);
                  }}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        value={text}
        placeholder={PLACEHOLDER[kind]}
        autoComplete="off"
        aria-describedby={`${id}-hint ${id}-error`}
        aria-invalid={error !== undefined || undefined}
        onChange={(event) => {
          const value = event.target.value;
          const parts = value.split(separators);
          if (parts.length > 1) {
            commit(parts.slice(0, -1).join(','));
            setText(parts.at(-1) ?? '');
          } else setText(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit(text);
          } else if (event.key === 'Backspace' && text === '' && entries.length > 0) {
            onRemove(entries.length - 1);
          }
        }}
        onPaste={(event) => {
          event.preventDefault();
          commit(text + event.clipboardData.getData('text'));
        }}
        onBlur={() => {
          commit(text);
        }}
      />
      <p id={`${id}-hint`} className="field-help">
        {HINT[kind]}
      </p>
      <FieldError id={`${id}-error`} messages={error} />
    </div>
  );
}
