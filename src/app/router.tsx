import { lazy, useState, type ComponentType } from 'react';
import { Navigate, Route, Routes, matchPath } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './routes/not-found';

/** A page's route module (./routes): its `Component`, loaded on first visit. */
type PageModule = () => Promise<{ Component: ComponentType }>;

interface Page {
  path: string;
  /** Starts loading the page's code (once); `startInitialLoad` calls it before React runs. */
  load: PageModule;
  Component: ComponentType;
}

/**
 * A lazily loaded page. Once its code is in, the page renders it directly rather than
 * through `React.lazy`, which suspends at least once even for a module already loaded: the
 * layout's fallback would show, and React holds back the content that follows a fallback
 * for up to 300 ms. Each mount keeps the way it started, so a page never remounts.
 */
function page(path: string, importModule: PageModule): Page {
  let loaded: ComponentType | undefined;
  let loading: ReturnType<PageModule> | undefined;
  const load: PageModule = () => {
    loading ??= importModule().then((module) => {
      loaded = module.Component;
      return module;
    });
    return loading;
  };
  const Lazy = lazy(async () => ({ default: (await load()).Component }));
  function PageRoute() {
    const [Shown] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Shown />;
  }
  return { path, load, Component: PageRoute };
}

/**
 * Every page is a lazy route module, so each page's code loads on first visit. React
 * Router's declarative mode: the pages read their data through TanStack Query, so the data
 * router (loaders, actions) would only add its 16 KB to every first paint; what the loaders
 * did — start a page's first requests beside its code — is `startInitialLoad`'s job.
 */
export const PAGES = [
  page('/messages', () => import('./routes/messages')),
  page('/messages/:channelId/:messageId', () => import('./routes/message-detail')),
  page('/compose', () => import('./routes/compose')),
  page('/media', () => import('./routes/media')),
  page('/connect', () => import('./routes/connect')),
] as const;

/** The page at `pathname`, if any. */
export function pageAt(pathname: string): Page | undefined {
  return PAGES.find((candidate) => matchPath(candidate.path, pathname) !== null);
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<AppLayout />}>
        <Route index element={<Navigate to="/messages" replace />} />
        {PAGES.map(({ path, Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
