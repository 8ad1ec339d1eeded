import { subjectOf, type Message } from '@/lib/bird/message';

/**
 * What the list shows of a message, shared by the table and the CSV export: who sent it,
 * who got it, and a one-line preview of its content.
 */

/** The sender's identifier: our channel's for outgoing messages, the contact's for incoming. */
export function senderOf(message: Message): string {
  return message.direction === 'outgoing'
    ? message.sender.connector.identifierValue
    : message.sender.contact.identifierValue;
}

/** Every recipient's identifier (outgoing: the contacts; incoming: our channel). */
export function recipientsOf(message: Message): string[] {
  return message.direction === 'outgoing'
    ? message.receiver.contacts.map((contact) => contact.identifierValue)
    : [message.receiver.connector.identifierValue];
}

export type PreviewKind = 'text' | 'subject' | 'media' | 'template' | 'empty';

export interface ContentPreview {
  kind: PreviewKind;
  /** One line, at most {@link PREVIEW_MAX_LENGTH} characters. */
  text: string;
}

export const PREVIEW_MAX_LENGTH = 160;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_MAX_LENGTH ? `${line.slice(0, PREVIEW_MAX_LENGTH - 1)}…` : line;
}

function withText(label: string, text: string | undefined): string {
  const line = text === undefined ? '' : oneLine(text);
  return line === '' ? label : `${label} · ${line}`;
}

const plural = (count: number, one: string, many: string) =>
  `${String(count)} ${count === 1 ? one : many}`;

/** A text snippet, the email subject, or the media type (with any caption). */
export function contentPreview(message: Message): ContentPreview {
  const subject = subjectOf(message);
  if (subject !== undefined && subject.trim() !== '') {
    return { kind: 'subject', text: oneLine(subject) };
  }
  const body = message.body;
  if (body === undefined) {
    return message.template === undefined
      ? { kind: 'empty', text: '' }
      : { kind: 'template', text: `Template ${message.template.locale}` };
  }
  switch (body.type) {
    case 'text':
      return { kind: 'text', text: oneLine(body.text.text) };
    case 'html':
      return {
        kind: 'text',
        text: oneLine(body.html.text ?? (body.html.html ?? '').replace(/<[^>]*>/g, ' ')),
      };
    case 'list':
      return { kind: 'text', text: oneLine(body.list.text) };
    case 'image':
      return {
        kind: 'media',
        text: withText(
          body.image.images.length === 1
            ? 'Image'
            : plural(body.image.images.length, 'image', 'images'),
          body.image.text,
        ),
      };
    case 'file': {
      const first = body.file.files[0];
      const label =
        body.file.files.length === 1 && first !== undefined
          ? `File (${first.contentType})`
          : plural(body.file.files.length, 'file', 'files');
      return { kind: 'media', text: withText(label, body.file.text) };
    }
    case 'gif':
      return { kind: 'media', text: withText('GIF', body.gif.text) };
    case 'location':
      return {
        kind: 'media',
        text: withText(
          'Location',
          body.location.location?.label ?? body.location.location?.address,
        ),
      };
    case 'carousel':
      return {
        kind: 'media',
        text: withText(
          `Carousel (${plural(body.carousel.items.length, 'item', 'items')})`,
          body.carousel.text,
        ),
      };
  }
}
