import { serverStoredValue } from './server-render';
import { writeViewCookie } from './view-cookie';

/**
 * A small preference kept in localStorage and shared by every component of the tab (and,
 * through the `storage` event, by every tab): the snapshot source for `useSyncExternalStore`.
 * Storage may be disabled; the preference then lives in memory for this tab only.
 */
export interface StoredPreference<T> {
  get: () => T;
  /** What the server renders with (src/lib/server-render.ts): the browser's view of it. */
  getServerSnapshot: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStoredPreference<T>(options: {
  key: string;
  /** Reads the stored text (`null` when absent); bad values fall back to the default. */
  parse: (raw: string | null) => T;
  serialize: (value: T) => string;
}): StoredPreference<T> {
  const { key, parse, serialize } = options;
  /** Read lazily so that importing the module touches no browser API. */
  let value: { current: T } | undefined;
  const listeners = new Set<() => void>();

  function read(): T {
    try {
      return parse(window.localStorage.getItem(key));
    } catch {
      return parse(null);
    }
  }

  function notify(): void {
    for (const listener of listeners) listener();
  }

  function onStorage(event: StorageEvent): void {
    if (event.key !== null && event.key !== key) return;
    value = { current: read() };
    notify();
  }

  return {
    get() {
      value ??= { current: read() };
      return value.current;
    },
    getServerSnapshot() {
      return parse(serverStoredValue(key));
    },
    set(next) {
      value = { current: next };
      try {
        window.localStorage.setItem(key, serialize(next));
      } catch {
        // Not remembered, but still in effect for this tab.
      }
      // The server renders the next page load with it (view-cookie.ts).
      writeViewCookie();
      notify();
    },
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('storage', onStorage);
      };
    },
  };
}
