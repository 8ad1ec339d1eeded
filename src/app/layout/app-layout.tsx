import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { Outlet, useLocation } from 'react-router';
import { RouteErrorBoundary } from '@/app/errors/route-error-boundary';
import { useScrollRestoration } from './scroll-restoration';
import { SessionGuard } from './session-guard';
import { TopBar } from './top-bar';
import './app-layout.css';

/** Every page: the skip link, the top bar, and the page itself in the main landmark. */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPathname = useRef(pathname);
  useScrollRestoration();

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
        <RouteErrorBoundary resetKey={pathname}>
          <SessionGuard>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </SessionGuard>
        </RouteErrorBoundary>
      </main>
    </>
  );
}

/** While a page's code loads: a progress bar along the top of the window. */
function PageLoading() {
  return (
    <>
      <div className="route-progress" aria-hidden="true" />
      <p className="visually-hidden" role="status">
        Loading the page…
      </p>
    </>
  );
}
