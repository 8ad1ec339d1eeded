import { hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { SERVER_STATE_ID } from '@/lib/server-render';

/**
 * When the server rendered this page (src/app/prerender.tsx), the query cache it rendered
 * from goes into `queryClient`, so that the app's first render shows the same rows without
 * asking for them again. Says whether there was one.
 */
export function adoptServerState(queryClient: QueryClient): boolean {
  const element = document.getElementById(SERVER_STATE_ID);
  if (element === null) return false;
  element.remove();
  try {
    hydrate(queryClient, JSON.parse(element.textContent) as DehydratedState);
    return true;
  } catch {
    // Not understood: the page asks for its data as it would without it.
    return false;
  }
}
