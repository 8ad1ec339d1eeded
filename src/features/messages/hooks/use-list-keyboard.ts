import type { RefObject } from 'react';
import { isTypingTarget } from '@/lib/typing-target';
import { useDocumentKeyDown } from '@/lib/use-document-keydown';

interface ListKeyboardOptions {
  rowCount: number;
  selectedIndex: number | undefined;
  onSelect: (index: number | undefined) => void;
  onOpen: (index: number) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** The list's scroll area: arrows move the selection only when focus is inside it. */
  listRef: RefObject<HTMLElement | null>;
}

/**
 * The list's keys: j/k (or ↓/↑ inside the list) move the selection, Enter opens the
 * selected message, / focuses the search, Esc clears the selection. Keys typed into a
 * field are left alone, and so are keys with Ctrl, Alt or Meta.
 */
export function useListKeyboard({
  rowCount,
  selectedIndex,
  onSelect,
  onOpen,
  searchRef,
  listRef,
}: ListKeyboardOptions) {
  useDocumentKeyDown((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (isTypingTarget(event.target)) return;
    const inList = event.target instanceof Node && listRef.current?.contains(event.target) === true;
    const move = (delta: number) => {
      if (rowCount === 0) return;
      event.preventDefault();
      const from = selectedIndex ?? (delta > 0 ? -1 : rowCount);
      onSelect(Math.min(rowCount - 1, Math.max(0, from + delta)));
    };
    switch (event.key) {
      case 'j':
        move(1);
        return;
      case 'k':
        move(-1);
        return;
      case 'ArrowDown':
        if (inList) move(1);
        return;
      case 'ArrowUp':
        if (inList) move(-1);
        return;
      case '/':
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      case 'Escape':
        if (selectedIndex !== undefined) {
          event.preventDefault();
          onSelect(undefined);
          if (document.activeElement instanceof HTMLElement && inList)
            document.activeElement.blur();
        }
        return;
      case 'Enter':
        // A focused link or button does its own thing on Enter.
        if (
          selectedIndex !== undefined &&
          !(event.target instanceof HTMLAnchorElement) &&
          !(event.target instanceof HTMLButtonElement)
        ) {
          event.preventDefault();
          onOpen(selectedIndex);
        }
        return;
    }
  });
}
