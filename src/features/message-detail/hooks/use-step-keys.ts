import { isTypingTarget } from '@/lib/typing-target';
import { useDocumentKeyDown } from '@/lib/use-document-keydown';

/**
 * The message page's stepping keys, as in the list: j opens the next message, k the
 * previous one. Keys typed into a field, inside an open dialog (the image viewer) or with
 * Ctrl, Alt or Meta are left alone.
 */
export function useStepKeys({
  onPrevious,
  onNext,
}: {
  onPrevious?: () => void;
  onNext?: () => void;
}) {
  useDocumentKeyDown((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (isTypingTarget(event.target)) return;
    if (event.target instanceof Element && event.target.closest('dialog') !== null) return;
    const step = event.key === 'j' ? onNext : event.key === 'k' ? onPrevious : undefined;
    if (step === undefined) return;
    event.preventDefault();
    step();
  });
}
