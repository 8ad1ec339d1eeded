import { isKnownPlatformId, type KnownPlatformId } from '@/lib/bird/common';

const PLATFORM_NAMES: Readonly<Record<KnownPlatformId, string>> = {
  'sms-messagebird': 'SMS',
  'email-messagebird': 'Email',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  facebook: 'Facebook Messenger',
  instagram: 'Instagram',
  line: 'LINE',
};

/** A platform's everyday name; unknown platform ids are shown as they are. */
export function platformName(platformId: string): string {
  return isKnownPlatformId(platformId) ? PLATFORM_NAMES[platformId] : platformId;
}
