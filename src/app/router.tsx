import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes, matchPath } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './routes/not-found';

/** A page's route module (./routes): its `Component`, loaded on first visit. */
type PageModule = () => Promise<{ Component: ComponentType }>;

interface Page {
  path: string;
  load: PageModule;
  Component: LazyExoticComponent<ComponentType>;
}

function page(path: string, load: PageModule): Page {
  return { path, load, Component: lazy(async () => ({ default: (await load()).Component })) };
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
