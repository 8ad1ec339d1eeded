import { useMemo, useState } from 'react';
import { FRAME_WIDTHS, SafeHtmlFrame, type FrameWidth } from '@/components/safe-html-frame';
import type { HtmlPayload } from '@/lib/bird/message-body';
import { sanitizeEmailHtml } from '@/lib/html/sanitize-email';
import { TextWithLinks } from './text-with-links';

type View = 'html' | 'text';

/**
 * An email's HTML in the safe frame (or its text part), with the width switch and the
 * remote-content consent for this message only.
 */
export function HtmlEmail({ payload }: { payload: HtmlPayload }) {
  const html = payload.html ?? '';
  const text = payload.text ?? '';
  const [view, setView] = useState<View>(html === '' ? 'text' : 'html');
  const [width, setWidth] = useState<FrameWidth>('desktop');
  const [allowRemote, setAllowRemote] = useState(false);
  const sanitized = useMemo(
    () => (html === '' ? null : sanitizeEmailHtml(html, { allowRemote })),
    [html, allowRemote],
  );

  return (
    <div className="md-email">
      <div className="md-toolbar">
        {html !== '' && text !== '' ? (
          <div className="md-segmented" role="group" aria-label="Email part">
            {(['html', 'text'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className="button button-small"
                aria-pressed={view === option}
                onClick={() => {
                  setView(option);
                }}
              >
                {option === 'html' ? 'HTML' : 'Text'}
              </button>
            ))}
          </div>
        ) : null}
        {view === 'html' && sanitized !== null ? (
          <div className="md-segmented" role="group" aria-label="Width">
            {(Object.keys(FRAME_WIDTHS) as FrameWidth[]).map((option) => (
              <button
                key={option}
                type="button"
                className="button button-small"
                aria-pressed={width === option}
                onClick={() => {
                  setWidth(option);
                }}
              >
                {option === 'phone' ? 'Phone' : 'Desktop'} ({FRAME_WIDTHS[option]} px)
              </button>
            ))}
          </div>
        ) : null}
      </div>

      {view === 'html' && sanitized !== null ? (
        <>
          {sanitized.blockedRemote > 0 || allowRemote ? (
            <div className="md-remote" role="status">
              {allowRemote ? (
                <p>
                  Remote images of this email are shown. Loading them tells their servers that the
                  email was opened, and from where.
                  {sanitized.blockedRemote > 0
                    ? ` ${String(sanitized.blockedRemote)} plain-http reference(s) stay blocked.`
                    : ''}
                </p>
              ) : (
                <>
                  <p>
                    {sanitized.blockedRemote} remote reference(s) blocked. Loading them would tell
                    the sender that this email was opened.
                  </p>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => {
                      setAllowRemote(true);
                    }}
                  >
                    Load remote content
                  </button>
                </>
              )}
            </div>
          ) : null}
          {sanitized.hadStyles ? (
            <p className="md-note">
              This email&rsquo;s own styles (CSS) are not applied in Perch; its text, images, tables
              and links are.
            </p>
          ) : null}
          <SafeHtmlFrame document={sanitized.document} title="Email content" width={width} />
        </>
      ) : (
        <TextWithLinks text={text} />
      )}
    </div>
  );
}
