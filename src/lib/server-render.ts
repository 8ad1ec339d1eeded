import { viewPreference, type View } from './view-cookie';

/**
 * While the server renders a page (src/app/prerender.tsx), what it knows of the browser:
 * its view (the `perch-view` cookie) and the time of the request. Stores read it for their
 * server snapshot instead of localStorage or the system setting. React renders to a string
 * synchronously, so one module-level value serves one render at a time; in the browser it
 * is always undefined.
 */
export interface ServerRender {
  view: View;
  now: number;
}

/** The JSON data block the server writes its query cache into (server/prerender/page-html.ts). */
export const SERVER_STATE_ID = 'perch-server-state';

/** The stylesheet holding the server-rendered markup's sizes and offsets (its styles). */
export const SERVER_STYLES_ID = 'perch-server-styles';

let current: ServerRender | undefined;

/** Runs a synchronous render with `render` as what the stores see. */
export function withServerRender<T>(render: ServerRender, run: () => T): T {
  current = render;
  try {
    return run();
  } finally {
    current = undefined;
  }
}

/** The render under way on the server, if any. */
export function serverRender(): ServerRender | undefined {
  return current;
}

/**
 * For a stored preference's server snapshot: the text the browser has under `key`, as far
 * as its view says (null: not set, the default applies).
 */
export function serverStoredValue(key: string): string | null {
  return current === undefined ? null : viewPreference(current.view, key);
}
