import { useDeferredValue, useMemo } from 'react';
import { platformName } from '@/components/platform-icon';
import { SafeHtmlFrame } from '@/components/safe-html-frame';
import type { Channel } from '@/lib/bird/channel';
import { sanitizeEmailHtml } from '@/lib/html/sanitize-email';
import { isEmailPlatform, type ComposeForm } from '../utils/compose-form';

/** How the message will look: a chat bubble, or the email in the detail page's safe frame. */
export function MessagePreview({ form, channel }: { form: ComposeForm; channel: Channel }) {
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
            <SafeHtmlFrame document={sanitized.document} title="Email content" />
            {sanitized.blockedRemote > 0 ? (
              <p className="field-help">
                {String(sanitized.blockedRemote)} remote reference(s) are not loaded in the preview.
              </p>
            ) : null}
          </>
        ) : (
          <p className="compose-email-plain">{form.plain === '' ? '(empty)' : form.plain}</p>
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
        <p className="compose-bubble">{bubbleText(form)}</p>
      </div>
    </section>
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
