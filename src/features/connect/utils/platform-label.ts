import { isKnownPlatformId, type KnownPlatformId } from '@/lib/bird/common';

const LABELS: Readonly<Record<KnownPlatformId, string>> = {
  'sms-messagebird': 'SMS',
  'email-messagebird': 'Email',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  facebook: 'Facebook Messenger',
  instagram: 'Instagram',
  line: 'LINE',
};

/** A platform's everyday name; unknown platform ids are shown as they are. */
export function platformLabel(platformId: string): string {
  return isKnownPlatformId(platformId) ? LABELS[platformId] : platformId;
}
