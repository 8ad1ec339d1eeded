/**
 * In-page (an init script, so self-contained): records every XMLHttpRequest upload's
 * loadstart, progress and load events with performance.now(), without changing what the
 * page's own code sees.
 */

export interface UploadEvent {
  type: string;
  at: number;
  loaded: number;
}

declare global {
  interface Window {
    __uploadEvents: UploadEvent[][];
  }
}

export function recordUploadProgress(): void {
  window.__uploadEvents = [];
  // The original, called below with the request as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (
    this: XMLHttpRequest,
    body?: Document | XMLHttpRequestBodyInit | null,
  ): void {
    const events: UploadEvent[] = [];
    window.__uploadEvents.push(events);
    for (const type of ['loadstart', 'progress', 'load', 'error', 'abort']) {
      this.upload.addEventListener(type, (event) => {
        events.push({ type, at: performance.now(), loaded: (event as ProgressEvent).loaded });
      });
    }
    send.call(this, body);
  };
}

/** The largest time between two consecutive upload events of one request, in ms. */
export function largestGap(events: readonly UploadEvent[]): number {
  let largest = 0;
  for (let i = 1; i < events.length; i += 1) {
    const previous = events[i - 1];
    const current = events[i];
    if (previous !== undefined && current !== undefined) {
      largest = Math.max(largest, current.at - previous.at);
    }
  }
  return largest;
}
