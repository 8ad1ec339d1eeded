import type { MessageBody } from '../../../src/lib/bird/message-body';

/** The GSM 03.38 basic character set (one septet each). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table (an escape plus a septet: two each). */
const GSM_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

/**
 * How many SMS parts a text takes: GSM-7 fits 160 septets in one part and 153 per part of a
 * concatenated message; anything outside GSM-7 goes as UCS-2, 70 and 67 code units.
 */
export function smsPartCount(text: string): number {
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extended.has(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  const units = text.length;
  return units <= 70 ? 1 : Math.ceil(units / 67);
}

/** The text an SMS carries for a body (MMS media go along with the first part). */
function smsText(body: MessageBody): string {
  switch (body.type) {
    case 'text':
      return body.text.text;
    case 'image':
      return body.image.text ?? '';
    case 'file':
      return body.file.text ?? '';
    case 'gif':
      return body.gif.text ?? '';
    case 'list':
      return body.list.text;
    case 'carousel':
      return body.carousel.text ?? '';
    case 'html':
      return body.html.text ?? '';
    case 'location':
      return '';
  }
}

/** Parts a message is sent in: SMS text may be split; every other platform sends one part. */
export function partCount(platformId: string, body: MessageBody | undefined): number {
  if (platformId !== 'sms-messagebird' || body === undefined) return 1;
  return Math.max(1, smsPartCount(smsText(body)));
}
