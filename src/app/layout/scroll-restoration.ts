import { useEffect, useLayoutEffect } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';

/** Window scroll positions by history entry, for this page's life. */
const positions = new Map<string, number>();

/**
 * A new page starts at the top, as a full page load would; going back or forward returns
 * to where that entry was left. (The message list scrolls inside its own box and keeps its
 * place through the query cache; this is for the window.)
 */
export function useScrollRestoration(): void {
  const { key } = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    window.history.scrollRestoration = 'manual';
  }, []);

  useLayoutEffect(() => {
    const saved = navigationType === NavigationType.Pop ? positions.get(key) : undefined;
    window.scrollTo(0, saved ?? 0);
    const remember = () => positions.set(key, window.scrollY);
    window.addEventListener('scroll', remember, { passive: true });
    return () => {
      window.removeEventListener('scroll', remember);
    };
  }, [key, navigationType]);
}
