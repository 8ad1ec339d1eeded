import { MEDIA_LIMITS } from '@/lib/bird/decisions';
import { mediaKindOf, type MediaKind } from './sniff-type';

/**
 * Which platforms a file can be sent on, by the per-platform media limits of the contract
 * (§3, DEC: `MEDIA_LIMITS`). A warning before upload, never a refusal: the upload itself
 * only has the 100 MiB policy limit.
 */

export type FitPlatform = 'email' | 'whatsapp' | 'mms';

export const FIT_PLATFORM_LABEL: Readonly<Record<FitPlatform, string>> = {
  email: 'email',
  whatsapp: 'WhatsApp',
  mms: 'MMS',
};

/** The order platforms are named in. */
const PLATFORMS: readonly FitPlatform[] = ['email', 'whatsapp', 'mms'];

export type FitVerdict =
  | { platform: FitPlatform; fits: true; limitBytes: number }
  | { platform: FitPlatform; fits: false; why: 'too-large'; limitBytes: number }
  | { platform: FitPlatform; fits: false; why: 'unsupported-type' };

/** WhatsApp's limit by kind: images 5 MB, audio and video 16 MB, documents 100 MB. */
function whatsappLimit(kind: MediaKind): number {
  const limits = MEDIA_LIMITS.whatsapp;
  switch (kind) {
    case 'image':
      return limits.imageBytes;
    case 'audio':
      return limits.audioBytes;
    case 'video':
      return limits.videoBytes;
    case 'document':
      return limits.documentBytes;
  }
}

function verdict(platform: FitPlatform, size: number, limitBytes: number): FitVerdict {
  return size <= limitBytes
    ? { platform, fits: true, limitBytes }
    : { platform, fits: false, why: 'too-large', limitBytes };
}

/** One verdict per platform, in the order email, WhatsApp, MMS. */
export function platformFit(contentType: string, size: number): FitVerdict[] {
  const kind = mediaKindOf(contentType);
  return PLATFORMS.map((platform): FitVerdict => {
    switch (platform) {
      case 'email':
        // The limit is on all attachments of a message together; one file is the best case.
        return verdict('email', size, MEDIA_LIMITS.email.attachmentsTotalBytes);
      case 'whatsapp':
        return verdict('whatsapp', size, whatsappLimit(kind));
      case 'mms':
        // MMS carries pictures, sound and video, 5 MB per message in all; not documents.
        return kind === 'document'
          ? { platform: 'mms', fits: false, why: 'unsupported-type' }
          : verdict('mms', size, MEDIA_LIMITS.mms.totalBytes);
    }
  });
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * One sentence: "Fits email and WhatsApp; too large for MMS." or "Fits email, WhatsApp and
 * MMS." or "Too large for email, WhatsApp and MMS." A type a platform does not carry says so:
 * "MMS does not carry documents".
 */
export function describeFit(verdicts: readonly FitVerdict[]): string {
  const label = (verdict: FitVerdict) => FIT_PLATFORM_LABEL[verdict.platform];
  const fits = verdicts.filter((verdict) => verdict.fits).map(label);
  const tooLarge = verdicts
    .filter((verdict) => !verdict.fits && verdict.why === 'too-large')
    .map(label);
  const unsupported = verdicts
    .filter((verdict) => !verdict.fits && verdict.why === 'unsupported-type')
    .map(label);
  const clauses: string[] = [];
  if (fits.length > 0) clauses.push(`fits ${joinNames(fits)}`);
  if (tooLarge.length > 0) clauses.push(`too large for ${joinNames(tooLarge)}`);
  if (unsupported.length > 0) {
    clauses.push(
      `${joinNames(unsupported)} ${unsupported.length === 1 ? 'does' : 'do'} not carry documents`,
    );
  }
  const sentence = clauses.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
