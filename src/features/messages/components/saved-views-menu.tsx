import { Suspense, lazy, useState } from 'react';
import type { SavedViewsPanelProps } from './saved-views-panel';

const SavedViewsPanel = lazy(() => import('./saved-views-panel'));

/** Saved views: a menu whose panel (and the views' storage) loads when first opened. */
export function SavedViewsMenu(props: SavedViewsPanelProps) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="messages-menu"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="button">Saved views</summary>
      {opened ? (
        <Suspense
          fallback={
            <p className="messages-menu-panel" role="status">
              Loading saved views…
            </p>
          }
        >
          <SavedViewsPanel {...props} />
        </Suspense>
      ) : null}
    </details>
  );
}
