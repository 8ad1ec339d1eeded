import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Channel } from '../../../src/lib/bird/channel';
import type { Database } from '../db/open-database';
import { createChannelStore } from './channels';
import { getOrCreateSetting, SETTING } from './settings';

/** The sandbox's one workspace and its four channels. */
export interface Workspace {
  id: string;
  channels: DefaultChannels;
}

export interface DefaultChannels {
  /** `sms-messagebird`, active, a phone number. */
  sms: Channel;
  /** `whatsapp`, active, a phone number. */
  whatsapp: Channel;
  /** `email-messagebird`, active, an email domain. */
  email: Channel;
  /** `telegram`, inactive (sends answer 409). */
  telegram: Channel;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Fixed ids, so scripts and tests can name the default channels. */
export const DEFAULT_CHANNEL_IDS = {
  sms: '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
  whatsapp: '8b3e1f60-7a2d-4d95-b0c4-6e9f2a1d7b22',
  email: 'c47a9d12-5e8b-4f3a-8d26-1a0b9c3e4f33',
  telegram: 'e91f2b34-0c6d-4a7e-9f58-2d4c6b8a0e44',
} as const;

type ChannelKey = keyof typeof DEFAULT_CHANNEL_IDS;

interface ChannelTemplate {
  name: string;
  platformId: string;
  connectorId: string;
  identifier: string;
  status: Channel['status'];
  capabilities?: string[];
}

const TEMPLATES: Record<ChannelKey, ChannelTemplate> = {
  sms: {
    name: 'SMS – Support line',
    platformId: 'sms-messagebird',
    connectorId: '2a6f0d1e-9b3c-4e7a-a1d5-7c8e0f2b3a01',
    identifier: '+14155550100',
    status: 'active',
    capabilities: ['messaging.outgoing.text', 'messaging.outgoing.mms', 'messaging.incoming'],
  },
  whatsapp: {
    name: 'WhatsApp – Customer care',
    platformId: 'whatsapp',
    connectorId: '3b7a1e2f-0c4d-4f8b-b2e6-8d9f1a3c4b02',
    identifier: '+14155550101',
    status: 'active',
    capabilities: ['messaging.outgoing.text', 'messaging.outgoing.media', 'messaging.incoming'],
  },
  email: {
    name: 'Email – Notifications',
    platformId: 'email-messagebird',
    connectorId: '4c8b2f3a-1d5e-4a9c-83f7-9e0a2b4d5c03',
    identifier: 'mail.example.com',
    status: 'active',
    capabilities: ['messaging.outgoing.html', 'messaging.outgoing.attachments'],
  },
  telegram: {
    name: 'Telegram – Legacy bot',
    platformId: 'telegram',
    connectorId: '5d9c3a4b-2e6f-4b0d-94a8-0f1b3c5e6d04',
    identifier: '@perch_sandbox_bot',
    status: 'inactive',
  },
};

const ORDER: readonly ChannelKey[] = ['sms', 'whatsapp', 'email', 'telegram'];

/**
 * Creates the workspace on first open — its id (random, kept in settings) and the four
 * default channels, dated 90 days before `clock.now()` — and returns it. Later opens
 * return what is stored. Runs in one transaction.
 */
export function ensureWorkspace(db: Database, clock: Clock): Workspace {
  const channels = createChannelStore(db);
  return db
    .transaction((): Workspace => {
      const id = getOrCreateSetting(db, SETTING.workspaceId, () => randomUUID());
      const now = clock.now();
      const entries = ORDER.map((key, index): [ChannelKey, Channel] => {
        const existing = channels.get(DEFAULT_CHANNEL_IDS[key]);
        if (existing) return [key, existing];
        const template = TEMPLATES[key];
        const createdAt = new Date(now - (90 - index) * DAY_MS).toISOString();
        const channel: Channel = {
          id: DEFAULT_CHANNEL_IDS[key],
          name: template.name,
          platformId: template.platformId,
          connectorId: template.connectorId,
          identifier: template.identifier,
          status: template.status,
          createdAt,
          updatedAt: createdAt,
          ...(template.capabilities ? { capabilities: [...template.capabilities] } : {}),
        };
        channels.insert(channel);
        return [key, channel];
      });
      const byKey = Object.fromEntries(entries) as Record<ChannelKey, Channel>;
      return { id, channels: byKey };
    })
    .immediate();
}

/**
 * The access key: `given` when the operator passed one (it wins, and is not stored);
 * otherwise the stored key, generated (32 random bytes, base64url) on first start.
 */
export function getOrCreateAccessKey(db: Database, given?: string): string {
  if (given !== undefined && given !== '') return given;
  return getOrCreateSetting(db, SETTING.accessKey, () => randomBytes(32).toString('base64url'));
}
