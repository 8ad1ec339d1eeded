import { useEffect, useRef, type MouseEvent } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { SessionGuard } from './session-guard';
import { TopBar } from './top-bar';
import './app-layout.css';

/** Every page: the skip link, the top bar, and the page itself in the main landmark. */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPathname = useRef(pathname);

  // After moving to another page, start reading and tabbing from its content, as a full
  // page load would, rather than from the link that was activated.
  useEffect(() => {
    if (shownPathname.current === pathname) return;
    shownPathname.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <>
      <a href="#content" className="skip-link" onClick={skipToContent}>
        Skip to content
      </a>
      <TopBar />
      <main id="content" ref={mainRef} tabIndex={-1} className="app-main">
        <SessionGuard>
          <Outlet />
        </SessionGuard>
      </main>
      <ScrollRestoration />
    </>
  );
}
