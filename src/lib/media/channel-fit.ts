import { MEDIA_LIMITS } from '@/lib/bird/decisions';
import { formatBytes } from './format';
import { FIT_PLATFORM_LABEL, platformFit, type FitPlatform } from './platform-fit';
import { mediaKindOf } from './sniff-type';

/**
 * The platform-fit hint for one channel: the verdict of platform-fit.ts for the platform the
 * message goes out on, in one sentence. A warning, never a refusal (the limits are public
 * platform limits, not the API's).
 */

/** SMS channels carry media as MMS; platforms without known limits get no hint. */
const FIT_BY_CHANNEL_PLATFORM: Readonly<Record<string, FitPlatform>> = {
  'sms-messagebird': 'mms',
  whatsapp: 'whatsapp',
  'email-messagebird': 'email',
};

export function fitPlatformOf(platformId: string): FitPlatform | undefined {
  return FIT_BY_CHANNEL_PLATFORM[platformId];
}

const KIND_PLURAL = { image: 'images', audio: 'audio', video: 'videos', document: 'documents' };

/**
 * "Fits WhatsApp: images up to 5 MB.", "Too large for MMS: at most 5 MB per message, this is
 * 6 MB.", "MMS does not carry documents.", or without a size "WhatsApp takes images up to
 * 5 MB." `undefined` for a platform without known limits or an unknown type.
 */
export function describeChannelFit(
  platformId: string,
  contentType: string,
  size: number | null,
): string | undefined {
  const platform = fitPlatformOf(platformId);
  if (platform === undefined || contentType === '') return undefined;
  const label = FIT_PLATFORM_LABEL[platform];
  const verdict = platformFit(contentType, size ?? 0).find((v) => v.platform === platform);
  if (verdict === undefined) return undefined;
  if (!verdict.fits && verdict.why === 'unsupported-type') {
    return `${label} does not carry documents; send it as an email attachment or on WhatsApp.`;
  }
  const limit = formatBytes(verdict.limitBytes);
  const rule =
    platform === 'whatsapp'
      ? `${KIND_PLURAL[mediaKindOf(contentType)]} up to ${limit}`
      : platform === 'mms'
        ? `up to ${limit} per message`
        : `attachments up to ${limit} in all`;
  if (size === null) return `${label} takes ${rule}.`;
  return verdict.fits
    ? `Fits ${label}: ${rule}.`
    : `Too large for ${label}: ${rule}, and this is ${formatBytes(size)}.`;
}

/** The email attachments' total against the 10 MB safe default; sizes not known are skipped. */
export function describeAttachmentTotal(sizes: readonly (number | null)[]): string {
  const known = sizes.filter((size) => size !== null);
  const total = known.reduce((sum, size) => sum + size, 0);
  const limit = MEDIA_LIMITS.email.attachmentsTotalBytes;
  const count = sizes.length === 1 ? '1 attachment' : `${String(sizes.length)} attachments`;
  const unknown = sizes.length - known.length;
  const sizePart =
    unknown === sizes.length
      ? 'size not known'
      : `${formatBytes(total)} in all${unknown > 0 ? ` (${String(unknown)} of unknown size)` : ''}`;
  const verdict =
    total > limit
      ? `over the ${formatBytes(limit)} email limit: it may be refused`
      : `email takes up to ${formatBytes(limit)}`;
  return `${count}, ${sizePart}; ${verdict}.`;
}
