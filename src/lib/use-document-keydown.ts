import { useEffect, useEffectEvent } from 'react';

/**
 * Calls `onKeyDown` for every key pressed anywhere on the page while the component is
 * mounted, always with the component's latest props and state (a page's keyboard shortcuts).
 */
export function useDocumentKeyDown(onKeyDown: (event: KeyboardEvent) => void): void {
  const handle = useEffectEvent(onKeyDown);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      handle(event);
    };
    document.addEventListener('keydown', listener);
    return () => {
      document.removeEventListener('keydown', listener);
    };
  }, []);
}
