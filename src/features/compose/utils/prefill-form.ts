import type { CountryCode } from 'libphonenumber-js';
import type { ComposeDraft } from '@/lib/compose-prefill';
import { emptyForm, type ComposeForm } from './compose-form';

export interface PrefilledForm {
  form: ComposeForm;
  /** What of the message the composer cannot edit (and so leaves out), in words. */
  leftOut: string | undefined;
}

/**
 * A Duplicate or Reply draft as the composer's form. The duplicate gets a new reference of
 * its own: reusing the original's would make the exactly-once lookup mistake the original
 * for the new send.
 */
export function formFromDraft(draft: ComposeDraft, country: CountryCode): PrefilledForm {
  const form = emptyForm({ channelId: draft.channelId, country });
  for (const contact of draft.receiver.contacts) {
    form[contact.type ?? 'to'].push(contact.identifierValue);
  }
  if (draft.tags) form.tags = draft.tags.join(', ');
  if (draft.replyTo) form.replyToId = draft.replyTo.id;
  const subject = draft.meta?.email?.subject;
  if (subject !== undefined) form.subject = subject;
  let leftOut: string | undefined;
  const body = draft.body;
  if (body?.type === 'text') {
    form.text = body.text.text;
    if (body.text.metadata?.subject !== undefined) form.subject = body.text.metadata.subject;
    if (body.text.attachments?.length) leftOut = 'attachments';
  } else if (body?.type === 'html') {
    form.html = body.html.html ?? '';
    form.plain = body.html.text ?? '';
    const metadata = body.html.metadata;
    if (metadata) {
      form.subject = metadata.subject;
      form.senderUser = metadata.emailFrom?.username ?? '';
      form.senderName = metadata.emailFrom?.displayName ?? '';
    }
    const attachments = body.html.attachments ?? [];
    form.attachments = attachments.map(({ mediaUrl, filename }) => ({
      mediaUrl,
      filename,
      contentType: '',
      size: null,
    }));
    if (attachments.some((each) => each.inline === true))
      leftOut = 'the inline flag of attachments';
  } else if (body?.type === 'image' && body.image.images.length === 1) {
    form.bodyType = 'image';
    form.mediaUrl = body.image.images[0]?.mediaUrl ?? '';
    form.text = body.image.text ?? '';
  } else if (body?.type === 'file' && body.file.files.length === 1) {
    const [file] = body.file.files;
    form.bodyType = 'file';
    form.mediaUrl = file?.mediaUrl ?? '';
    form.mediaContentType = file?.contentType ?? '';
    form.mediaFilename = file?.filename ?? '';
    form.text = body.file.text ?? '';
  } else if (body?.type === 'location') {
    form.bodyType = 'location';
    form.latitude = String(body.location.coordinates.latitude);
    form.longitude = String(body.location.coordinates.longitude);
    form.locationLabel = body.location.location?.label ?? '';
    form.locationAddress = body.location.location?.address ?? '';
  } else if (body) {
    leftOut = `the ${body.type} body`;
  } else if (draft.template) {
    const { template } = draft;
    form.bodyType = 'template';
    form.templateProjectId = template.projectId;
    form.templateVersion = template.version;
    form.templateLocale = template.locale;
    const rows = template.parameters ?? [];
    form.templateParameters = rows.flatMap((p) =>
      p.type === 'object' ? [] : [{ key: p.key, type: p.type, value: String(p.value) }],
    );
    if (rows.some((p) => p.type === 'object')) leftOut = 'object parameters';
  }
  return { form, leftOut };
}
