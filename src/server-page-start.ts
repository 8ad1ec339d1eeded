/**
 * Starts the app over a page the server rendered (server/prerender/), in place of the app's
 * own entry script: once the browser has painted the server's markup. Evaluating the app's
 * code and rendering over the page take the main thread for about 100 ms on a slow
 * machine, and the rows are already there to read. The page says where the app's entry is
 * (`data-app` on this script's element).
 *
 * Built on its own, with no imports, as `/server-page-start.js` (vite.config.ts).
 */

/** Resolves once the next frame has been produced: a task queued from its rAF callback. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      setTimeout(resolve, 0);
    });
  });
}

async function start(): Promise<void> {
  const element = document.querySelector<HTMLScriptElement>('script[data-app]');
  const app = element?.dataset.app;
  if (app === undefined || !app.startsWith('/assets/')) return;
  // A tab opened in the background paints nothing (no animation frames): no reason to wait.
  if (document.visibilityState === 'visible') await afterNextPaint();
  await import(/* @vite-ignore */ app);
}

void start();
