import type { SafeFrameDocument } from '@/lib/html/sanitize-email';
import './safe-html-frame.css';

/** Widths an email is shown at: a phone's and a desktop mail client's. */
export const FRAME_WIDTHS = { phone: 375, desktop: 800 } as const;
export type FrameWidth = keyof typeof FRAME_WIDTHS;

/**
 * Email HTML in a frame that can do nothing but show it: a `srcdoc` document (already
 * sanitised, with its own CSP: see lib/html/sanitize-email.ts) in a sandbox without
 * `allow-scripts` and without `allow-same-origin`, so it runs no script and has an opaque
 * origin even if something slipped through. Links open in a new tab on a click
 * (`allow-popups`, escaping the sandbox so the site works normally) without referrer.
 */
export function SafeHtmlFrame({
  document,
  title,
  width = 'desktop',
}: {
  document: SafeFrameDocument;
  /** What the frame holds, for assistive technology ("Email content"). */
  title: string;
  width?: FrameWidth;
}) {
  return (
    <div className="safe-html-frame" data-width={width}>
      <iframe
        // A new document gets a new frame: changing `srcdoc` would navigate the old one and
        // leave an entry in the tab's history (Back would step through email versions).
        key={document}
        className="safe-html-frame-iframe"
        title={title}
        srcDoc={document}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        width={FRAME_WIDTHS[width]}
      />
    </div>
  );
}
