/**
 * Functions that run inside the page (handed to `addInitScript` / `page.evaluate`, so each
 * is self-contained). They find the Messages table by its role and name, as a user's
 * assistive technology would, and measure with the page's own clock (performance.now(),
 * whose zero is the navigation start).
 */

export interface FirstRows {
  /** When the first rows were in the DOM. */
  domAt: number;
  /** The start of the frame after the one that painted them (double requestAnimationFrame). */
  paintedAt: number;
}

export interface NewRows extends FirstRows {
  /** Resource Timing `responseEnd` of the request for the new filters. */
  responseEnd: number;
}

export interface LoadResult {
  loaded: number;
  ms: number;
  maxRowsInDom: number;
}

export interface ScrollResult {
  /** The longest 'longtask' entry during the scroll; 0 when there was none (all ≤ 50 ms). */
  longestTask: number;
  longTasks: number;
  longestFrame: number;
  frames: number;
  distance: number;
  maxRowsInDom: number;
  /** Frames where a row not drawn yet (a placeholder) was in the list's box. */
  framesWithPlaceholders: number;
  /** The most placeholder rows in the list's box in one frame. */
  maxPlaceholdersInView: number;
}

interface LongTask {
  start: number;
  duration: number;
}

interface BenchProbes {
  firstRows: Promise<FirstRows>;
  newRows: Promise<NewRows>;
  longTasks: LongTask[];
}

declare global {
  interface Window {
    __bench: BenchProbes;
  }
}

/**
 * Installed before the page's own scripts: a 'longtask' observer, and a promise for the
 * first message rows painted (the app's rows, or the baseline page's plain rows).
 */
export function installProbes(): void {
  const longTasks: LongTask[] = [];
  if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    throw new Error('this Chromium reports no long tasks');
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  const selector =
    '[role="table"][aria-label="Messages"] [data-row-index], [data-bench-baseline-row]';
  const firstRows = new Promise<FirstRows>((resolve) => {
    let seen = false;
    const observer = new MutationObserver(() => {
      if (seen || document.querySelector(selector) === null) return;
      seen = true;
      observer.disconnect();
      const domAt = performance.now();
      requestAnimationFrame(() => {
        requestAnimationFrame(() => {
          resolve({ domAt, paintedAt: performance.now() });
        });
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  window.__bench = { firstRows, newRows: new Promise(() => undefined), longTasks };
}

export function firstRows(): Promise<FirstRows> {
  return window.__bench.firstRows;
}

/**
 * Scrolls to the bottom frame after frame until the count line says `target` rows are
 * loaded, noting the most rows the table ever had in the DOM.
 */
export async function scrollUntilLoaded(target: number): Promise<LoadResult> {
  const table = document.querySelector('[role="table"][aria-label="Messages"]');
  const scroller = table?.parentElement;
  if (table === null || scroller === null || scroller === undefined) {
    throw new Error('no table named Messages');
  }
  const loaded = (): number => {
    for (const status of document.querySelectorAll('[role="status"]')) {
      const match = /([\d,]+) messages? loaded/.exec(status.textContent);
      if (match?.[1] !== undefined) return Number(match[1].replaceAll(',', ''));
    }
    return 0;
  };
  const start = performance.now();
  let maxRowsInDom = 0;
  while (loaded() < target) {
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    maxRowsInDom = Math.max(maxRowsInDom, table.querySelectorAll('[data-row-index]').length);
  }
  return { loaded: loaded(), ms: performance.now() - start, maxRowsInDom };
}

/**
 * From the top, scrolls `pxPerSecond` steadily for `ms`, one step per frame, and reports
 * the long tasks that overlapped the scroll and the longest frame.
 */
export async function continuousScroll(options: {
  ms: number;
  pxPerSecond: number;
}): Promise<ScrollResult> {
  const table = document.querySelector('[role="table"][aria-label="Messages"]');
  const scroller = table?.parentElement;
  if (table === null || scroller === null || scroller === undefined) {
    throw new Error('no table named Messages');
  }
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const start = await frame();
  let last = start;
  let longestFrame = 0;
  let frames = 0;
  let maxRowsInDom = 0;
  let framesWithPlaceholders = 0;
  let maxPlaceholdersInView = 0;
  // Where a placeholder row sits comes from its style (translateY), and the list's offset
  // from what this loop set: no layout is read while the list scrolls.
  const boxHeight = scroller.clientHeight;
  let offset = 0;
  for (let now = start; now - start < options.ms; now = await frame()) {
    longestFrame = Math.max(longestFrame, now - last);
    last = now;
    frames += 1;
    const inView = [...table.querySelectorAll<HTMLElement>('.messages-placeholder-row')].filter(
      (row) => {
        const top = Number(/translateY\(([\d.]+)px\)/.exec(row.style.transform)?.[1] ?? -1);
        return top + 40 > offset && top < offset + boxHeight;
      },
    ).length;
    if (inView > 0) framesWithPlaceholders += 1;
    maxPlaceholdersInView = Math.max(maxPlaceholdersInView, inView);
    offset = ((now - start) / 1000) * options.pxPerSecond;
    scroller.scrollTop = offset;
    maxRowsInDom = Math.max(maxRowsInDom, table.querySelectorAll('[data-row-index]').length);
  }
  const end = performance.now();
  // Long task entries are delivered after the task; give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const tasks = window.__bench.longTasks.filter(
    (task) => task.start + task.duration >= start && task.start <= end,
  );
  return {
    longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
    longTasks: tasks.length,
    longestFrame,
    frames,
    distance: scroller.scrollTop,
    maxRowsInDom,
    framesWithPlaceholders,
    maxPlaceholdersInView,
  };
}

/**
 * Before a filter change to `direction`: resolves `window.__bench.newRows` once the table
 * has been busy (the old rows kept while the new ones load) and then shows only rows of
 * that direction, a frame after they were painted, with the new request's responseEnd.
 */
export function watchNewRows(direction: string): void {
  const table = document.querySelector('[role="table"][aria-label="Messages"]');
  if (table === null) throw new Error('no table named Messages');
  const label = direction === 'incoming' ? 'Incoming' : 'Outgoing';
  window.__bench.newRows = new Promise<NewRows>((resolve, reject) => {
    let wasBusy = false;
    let seen = false;
    const observer = new MutationObserver(() => {
      if (seen) return;
      if (table.getAttribute('aria-busy') === 'true') {
        wasBusy = true;
        return;
      }
      const rows = [...table.querySelectorAll('[data-row-index]')];
      if (!wasBusy || rows.length === 0) return;
      const directions = rows.map((row) =>
        row.querySelector('.messages-col-direction')?.textContent.trim(),
      );
      if (!directions.every((text) => text === label)) return;
      seen = true;
      observer.disconnect();
      const domAt = performance.now();
      requestAnimationFrame(() => {
        requestAnimationFrame(() => {
          const paintedAt = performance.now();
          const request = performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes(`direction=${direction}`))
            .at(-1);
          if (request === undefined) {
            reject(new Error(`no request with direction=${direction}`));
            return;
          }
          resolve({
            domAt,
            paintedAt,
            responseEnd: (request as PerformanceResourceTiming).responseEnd,
          });
        });
      });
    });
    observer.observe(table, {
      attributes: true,
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
}
