import type { CountryCode } from 'libphonenumber-js';
import { toPerchMediaPath } from '@/lib/api/media';
import type { Channel } from '@/lib/bird/channel';
import { SENDABLE_CHANNEL_STATUS } from '@/lib/bird/decisions';
import type { MediaPrefill } from '@/lib/compose-prefill';
import { emptyForm, isEmailPlatform, type ComposeForm } from './compose-form';
import { addMediaToForm, type PickedMedia } from './media-form';

/** How the composer starts: a form (or the usual one), what to tell, and what Undo restores. */
export interface ComposeStart {
  form: ComposeForm | undefined;
  notes: string[];
  undo: ComposeForm | undefined;
}

interface StartFromMediaInput {
  media: MediaPrefill;
  /** The workspace's saved draft, if any. */
  draft: ComposeForm | undefined;
  channels: readonly Channel[];
  mediaBases: readonly string[];
  country: CountryCode;
}

/** The name a file goes by: the link's, else the last part of its URL. */
function nameOf(media: MediaPrefill): string {
  if (media.filename !== undefined) return media.filename;
  const last = new URL(media.mediaUrl).pathname.split('/').filter(Boolean).at(-1);
  return last === undefined ? 'attachment' : decodeURIComponent(last);
}

/**
 * The channel for media with no draft to join: the one it was presigned for when active,
 * else the first active channel that sends images and files as bodies (not email), else
 * the first active one.
 */
function channelFor(media: MediaPrefill, channels: readonly Channel[]): Channel | undefined {
  const active = channels.filter((c) => c.status === SENDABLE_CHANNEL_STATUS);
  return (
    active.find((c) => c.id === media.channelId) ??
    active.find((c) => !isEmailPlatform(c.platformId)) ??
    active[0]
  );
}

/**
 * "Use in composer": the media join the saved draft when there is one (an email's
 * attachments, or the body of any other channel's message, its text kept as the caption),
 * with an Undo back to the draft as it was; with no draft, a new message on a fitting
 * channel. Nothing of a draft is replaced without saying so.
 */
export function startFromMedia({
  media,
  draft,
  channels,
  mediaBases,
  country,
}: StartFromMediaInput): ComposeStart {
  const name = nameOf(media);
  const picked: PickedMedia = {
    mediaUrl: media.mediaUrl,
    filename: name,
    contentType: media.contentType ?? '',
    size: null,
  };
  const notes: string[] = [];
  if (toPerchMediaPath(media.mediaUrl, mediaBases) === null) {
    notes.push(
      `${media.mediaUrl} is not on this connection's media server: check it before sending.`,
    );
  }
  if (draft === undefined) {
    const channel = channelFor(media, channels);
    const base = emptyForm({ channelId: channel?.id ?? '', country });
    const added = addMediaToForm(base, picked, channel?.platformId ?? '');
    notes.unshift(
      added.as === 'attachment'
        ? `Started an email with ${name} attached.`
        : `Started a message that sends ${name} as its ${added.form.bodyType}.`,
    );
    return { form: added.form, notes, undo: undefined };
  }
  const platformId = channels.find((c) => c.id === draft.channelId)?.platformId ?? '';
  const added = addMediaToForm(draft, picked, platformId);
  notes.unshift(
    added.as === 'attachment'
      ? `Added ${name} to your saved draft as an attachment.`
      : `Your saved draft now sends ${name} as its ${added.form.bodyType}${
          added.replaced === undefined ? '' : `, instead of ${added.replaced}`
        }${draft.text.trim() === '' ? '' : '; its text is the caption'}.`,
  );
  return { form: added.form, notes, undo: draft };
}
