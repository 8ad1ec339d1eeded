import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * The rows' links are plain `<a>` elements (message-cells.tsx). A plain left click on one,
 * or Enter on it, opens the message in the app as React Router's Link would; a middle click,
 * a click with a modifier key or "Open link in new tab" stay the browser's.
 */
export function useRowLinkClicks(container: HTMLElement | null): void {
  const navigate = useNavigate();
  useEffect(() => {
    if (container === null) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link =
        event.target instanceof Element ? event.target.closest('a.messages-row-link') : null;
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
      event.preventDefault();
      void navigate(`${link.pathname}${link.search}${link.hash}`);
    };
    container.addEventListener('click', onClick);
    return () => {
      container.removeEventListener('click', onClick);
    };
  }, [container, navigate]);
}
