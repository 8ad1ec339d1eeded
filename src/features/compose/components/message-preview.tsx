import { useDeferredValue, useMemo, useState } from 'react';
import { platformName } from '@/components/platform-icon';
import { SafeHtmlFrame } from '@/components/safe-html-frame';
import { toPerchMediaPath } from '@/lib/api/media';
import type { Channel } from '@/lib/bird/channel';
import { sanitizeEmailHtml } from '@/lib/html/sanitize-email';
import { formatBytes } from '@/lib/media/format';
import { isEmailPlatform, type ComposeForm } from '../utils/compose-form';

/** How the message will look: a chat bubble, or the email in the detail page's safe frame. */
export function MessagePreview({
  form,
  channel,
  mediaBases,
}: {
  form: ComposeForm;
  channel: Channel;
  /** The session's media servers: an image on one of them is shown through `/media`. */
  mediaBases: readonly string[];
}) {
  const html = useDeferredValue(form.html);
  const sanitized = useMemo(
    () => (html.trim() === '' ? null : sanitizeEmailHtml(html, { allowRemote: false })),
    [html],
  );

  if (isEmailPlatform(channel.platformId)) {
    const address = `${form.senderUser === '' ? '…' : form.senderUser}@${channel.identifier}`;
    return (
      <section className="compose-preview-message" aria-label="Email preview">
        <h2 className="compose-preview-title">Preview</h2>
        <dl className="compose-email-head">
          <dt>From</dt>
          <dd>{form.senderName === '' ? address : `${form.senderName} <${address}>`}</dd>
          <dt>Subject</dt>
          <dd>{form.subject === '' ? '(no subject)' : form.subject}</dd>
        </dl>
        {sanitized ? (
          <>
            {/* A phone's width fits the preview column, so the frame never scrolls sideways. */}
            <SafeHtmlFrame document={sanitized.document} title="Email content" width="phone" />
            {sanitized.blockedRemote > 0 ? (
              <p className="field-help">
                {String(sanitized.blockedRemote)} remote reference(s) are not loaded in the preview.
              </p>
            ) : null}
          </>
        ) : (
          <p className="compose-email-plain">{form.plain === '' ? '(empty)' : form.plain}</p>
        )}
        {form.attachments.length === 0 ? null : (
          <ul className="compose-preview-files" aria-label="Attached files">
            {form.attachments.map((attachment) => (
              <li key={attachment.mediaUrl}>
                📎 {attachment.filename}
                {attachment.size === null ? null : ` (${formatBytes(attachment.size)})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  return (
    <section
      className="compose-preview-message"
      aria-label={`${platformName(channel.platformId)} preview`}
    >
      <h2 className="compose-preview-title">Preview</h2>
      <div className="compose-bubble-track" data-platform={channel.platformId}>
        <div className="compose-bubble">
          {form.bodyType === 'image' ? (
            <PreviewImage
              mediaUrl={form.mediaUrl}
              alt={form.mediaFilename === '' ? 'What will be sent' : form.mediaFilename}
              mediaBases={mediaBases}
            />
          ) : null}
          <p>{bubbleText(form)}</p>
        </div>
      </div>
    </section>
  );
}

/** The image as the recipient will see it, loaded through `/media`; text when it cannot be. */
function PreviewImage({
  mediaUrl,
  alt,
  mediaBases,
}: {
  mediaUrl: string;
  alt: string;
  mediaBases: readonly string[];
}) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const path = toPerchMediaPath(mediaUrl, mediaBases);
  if (path === null || failedUrl === mediaUrl) return null;
  return (
    <img
      className="compose-bubble-image"
      src={path}
      alt={alt}
      onError={() => {
        setFailedUrl(mediaUrl);
      }}
    />
  );
}

function bubbleText(form: ComposeForm): string {
  if (form.bodyType === 'location') {
    const place = [form.locationLabel, form.locationAddress].filter((p) => p !== '').join(', ');
    return `📍 ${place === '' ? '' : `${place} · `}${form.latitude || '…'}, ${form.longitude || '…'}`;
  }
  if (form.bodyType === 'image' || form.bodyType === 'file') {
    const what = form.bodyType === 'image' ? '🖼 Image' : `📎 ${form.mediaFilename || 'File'}`;
    return form.text === '' ? what : `${what}\n${form.text}`;
  }
  if (form.bodyType === 'template') {
    return `Template ${form.templateProjectId || '…'} (${form.templateVersion}, ${form.templateLocale}), filled in by Bird`;
  }
  return form.text === '' ? '…' : form.text;
}
