import { isEmailPlatform, type ComposeForm, type EmailAttachment } from './compose-form';

/**
 * Uploaded media into the form: as one of an email's attachments, or as the image or file
 * body of any other channel (by its content type), the body's `text` becoming its caption.
 */

/** What an upload (or a "Use in composer" link) hands the composer. */
export type PickedMedia = EmailAttachment;

/** The form with `media` added as an attachment; the same URL twice is kept once. */
export function withAttachment(form: ComposeForm, media: PickedMedia): Partial<ComposeForm> {
  if (form.attachments.some((each) => each.mediaUrl === media.mediaUrl)) return {};
  return { attachments: [...form.attachments, media] };
}

/** An image or a file body for `media`, by its content type (unknown: a file). */
export function asMediaBody(media: PickedMedia): Partial<ComposeForm> {
  return {
    bodyType: media.contentType.startsWith('image/') ? 'image' : 'file',
    mediaUrl: media.mediaUrl,
    mediaContentType: media.contentType,
    mediaFilename: media.filename,
    mediaSize: media.size,
  };
}

/** The form with its media body cleared (the message type stays). */
export const NO_MEDIA_BODY: Partial<ComposeForm> = {
  mediaUrl: '',
  mediaContentType: '',
  mediaFilename: '',
  mediaSize: null,
};

export interface MediaAdded {
  form: ComposeForm;
  /** What the form had that the media now stands in for, in words; `undefined`: nothing. */
  replaced: string | undefined;
  /** How the media went in: 'attachment' (email) or 'body'. */
  as: 'attachment' | 'body';
}

/** What of a non-email form's content a media body would hide, in words. */
function hiddenBy(form: ComposeForm, media: PickedMedia): string | undefined {
  switch (form.bodyType) {
    case 'image':
    case 'file':
      return form.mediaUrl === '' || form.mediaUrl === media.mediaUrl
        ? undefined
        : `its ${form.bodyType} (${form.mediaFilename || form.mediaUrl})`;
    case 'location':
      return [form.latitude, form.longitude, form.locationLabel].some((v) => v.trim() !== '')
        ? 'its location'
        : undefined;
    case 'template':
      return form.templateProjectId.trim() === '' ? undefined : 'its template';
    case 'text':
      return undefined;
  }
}

/**
 * Adds `media` to a form on `platformId`'s channel: an email gets another attachment
 * (nothing is lost); any other channel sends it as its image or file body, any text it had
 * becoming the caption. What that body replaces is named, for the operator to undo.
 */
export function addMediaToForm(
  form: ComposeForm,
  media: PickedMedia,
  platformId: string,
): MediaAdded {
  if (isEmailPlatform(platformId)) {
    return {
      form: { ...form, ...withAttachment(form, media) },
      replaced: undefined,
      as: 'attachment',
    };
  }
  return { form: { ...form, ...asMediaBody(media) }, replaced: hiddenBy(form, media), as: 'body' };
}
