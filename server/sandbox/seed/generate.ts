import type { Channel } from '../../../src/lib/bird/channel';
import type { Interaction } from '../../../src/lib/bird/interaction';
import type {
  Message,
  MessageContact,
  MessageStatus,
  OutgoingMessage,
} from '../../../src/lib/bird/message';
import type { MessageBody } from '../../../src/lib/bird/message-body';
import { contactId, identifierKeyFor } from '../lifecycle/contacts';
import { buildIncomingMessage } from '../lifecycle/incoming';
import { partCount } from '../lifecycle/parts';
import { planTransitions } from '../lifecycle/plan';
import { generatedMediaUrl } from '../media/media-urls';
import type { NewTransition } from '../store/types';
import type { DefaultChannels } from '../store/workspace';
import * as content from './content';
import { interactionsOf } from './interactions';
import { Random } from './random';

/**
 * The seed's data: `count` messages over the 30 days before `now`, in creation order, on
 * the workspace's channels, with the interactions they drew and the transitions of the
 * few still scheduled. Pure: the same arguments give the same messages.
 */

export interface SeedContext {
  workspaceId: string;
  channels: DefaultChannels;
  /** Epoch ms; every seeded time lies before it (scheduled sends after it). */
  now: number;
}

export interface SeededMessage {
  message: Message;
  interactions: Interaction[];
  transitions: NewTransition[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const SEED_SPAN_MS = 30 * DAY;

type Platform = 'sms' | 'whatsapp' | 'email' | 'telegram';

/** Outgoing final statuses per platform (weights); `scheduled` is drawn separately. */
// prettier-ignore
const OUTGOING_STATUS: Record<Platform, readonly (readonly [MessageStatus, number])[]> = {
  sms: [['delivered', 80], ['sent', 4], ['delivery_failed', 7], ['sending_failed', 3], ['rejected', 3], ['skipped', 2], ['deleted', 1]],
  whatsapp: [['delivered', 84], ['sent', 3], ['delivery_failed', 5], ['sending_failed', 3], ['rejected', 2], ['deleted', 3]],
  email: [['delivered', 84], ['sent', 3], ['delivery_failed', 7], ['sending_failed', 1], ['rejected', 2], ['skipped', 3]],
  telegram: [['delivered', 90], ['sent', 5], ['delivery_failed', 5]],
};

/** Share of incoming messages per platform. */
const INCOMING_SHARE: Record<Platform, number> = {
  sms: 0.2,
  whatsapp: 0.4,
  email: 0.05,
  telegram: 0.4,
};

interface Contact {
  name: string;
  phone: MessageContact;
  email: MessageContact;
  telegram: MessageContact;
}

/** Creation times: business hours are busier; sorted ascending, whole milliseconds. */
function creationTimes(random: Random, count: number, now: number): Float64Array {
  const start = now - SEED_SPAN_MS;
  const span = SEED_SPAN_MS - MINUTE;
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    for (;;) {
      const t = start + random.next() * span;
      const hour = Math.floor(t / HOUR) % 24;
      const weight = hour >= 8 && hour < 20 ? 1 : hour >= 6 && hour < 23 ? 0.5 : 0.15;
      if (random.next() < weight) {
        times[i] = Math.floor(t);
        break;
      }
    }
  }
  return times.sort();
}

function contactPool(random: Random, size: number, workspaceId: string): Contact[] {
  const contact = (key: string, value: string): MessageContact => ({
    id: contactId(workspaceId, key, value),
    identifierKey: key,
    identifierValue: value,
  });
  return Array.from({ length: size }, (_, i) => {
    const first = random.pick(content.FIRST_NAMES);
    const last = random.pick(content.LAST_NAMES);
    const plan = random.weighted(content.PHONE_PLANS.map((p) => [p, p.weight] as const));
    // Endings 0000–8999 only: 9990–9995 are the sandbox's magic recipients.
    const tail = String(random.int(0, 8999)).padStart(4, '0');
    const head = String(random.int(0, 10 ** (plan.digits - 4) - 1)).padStart(plan.digits - 4, '0');
    const local = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    return {
      name: first,
      phone: contact('phonenumber', `${plan.prefix}${head}${tail}`),
      email: contact(
        'emailaddress',
        `${local}${i % 7 === 0 ? String(i) : ''}@${random.pick(content.EMAIL_DOMAINS)}`,
      ),
      telegram: contact(identifierKeyFor('telegram'), String(100000000 + random.int(0, 899999999))),
    };
  });
}

export function* generateSeed(
  count: number,
  context: SeedContext,
  seed: number,
): Generator<SeededMessage> {
  const random = new Random(seed);
  const { now, workspaceId, channels } = context;
  const times = creationTimes(random, count, now);
  const contacts = contactPool(
    random,
    Math.min(50_000, Math.max(40, Math.ceil(count / 8))),
    workspaceId,
  );
  const telegramUntil = now - SEED_SPAN_MS + 10 * DAY;
  let lastIncoming: string | undefined;

  for (let i = 0; i < count;) {
    const at = times[i] ?? now - MINUTE;
    const platform: Platform = random.weighted<Platform>([
      ['sms', 40],
      ['whatsapp', 30],
      ['email', 28],
      ['telegram', at < telegramUntil ? 6 : 0],
    ]);
    const channel = channels[platform];
    if (random.chance(INCOMING_SHARE[platform])) {
      const message = incoming(random, channel, platform, random.pick(contacts), at, workspaceId);
      if (platform === 'whatsapp') lastIncoming = message.id;
      yield { message, interactions: [], transitions: [] };
      i += 1;
      continue;
    }
    // A batch: one request, many recipients, one creation time, shared tags and reference.
    const size =
      platform !== 'telegram' && random.chance(0.02) ? Math.min(count - i, random.int(5, 40)) : 1;
    const batch =
      size > 1
        ? {
            id: random.uuid(),
            tags: random.sample(
              ['marketing', 'promo', 'newsletter', 'black friday'],
              random.int(1, 2),
            ),
            reference: random.chance(0.5) ? `campaign-${String(random.int(100, 999))}` : '',
          }
        : undefined;
    for (let k = 0; k < size; k++) {
      const seeded = outgoing(random, context, channel, platform, random.pick(contacts), at, batch);
      if (
        platform === 'whatsapp' &&
        lastIncoming !== undefined &&
        size === 1 &&
        random.chance(0.1)
      ) {
        seeded.message.replyTo = { id: lastIncoming, type: 'message' };
      }
      yield seeded;
    }
    i += size;
  }
}

function incoming(
  random: Random,
  channel: Channel,
  platform: Platform,
  from: Contact,
  at: number,
  workspaceId: string,
): Message {
  const id = random.uuidV7(at);
  const sender =
    platform === 'email' ? from.email : platform === 'telegram' ? from.telegram : from.phone;
  let body: MessageBody = { type: 'text', text: { text: random.pick(content.INCOMING_TEXTS) } };
  if (platform === 'email') {
    body = {
      type: 'text',
      text: {
        text: `${random.pick(content.INCOMING_TEXTS)}\n\n${from.name}`,
        metadata: {
          subject: content.fill(random, random.pick(content.INCOMING_EMAIL_SUBJECTS), from.name),
        },
      },
    };
  } else if (platform !== 'sms' && random.chance(0.2)) {
    body = {
      type: 'image',
      image: {
        images: [{ mediaUrl: generatedMediaUrl(workspaceId, id, random.uuid()), altText: 'Photo' }],
        ...(random.chance(0.5) ? { text: random.pick(content.IMAGE_CAPTIONS) } : {}),
      },
    };
  }
  return buildIncomingMessage({
    id,
    channel,
    from: sender,
    body,
    at,
    partReference: random.hex(24),
  });
}

interface Batch {
  id: string;
  tags: string[];
  reference: string;
}

function outgoingBody(
  random: Random,
  platform: Platform,
  name: string,
  id: string,
  workspaceId: string,
): { body: MessageBody; sender?: string } {
  const text = content.fill(random, random.pick(content.OUTGOING_TEXTS), name);
  const image = () => ({
    mediaUrl: generatedMediaUrl(workspaceId, id, random.uuid()),
    altText: random.pick(content.IMAGE_CAPTIONS),
  });
  if (platform === 'email') {
    const subject = content.fill(random, random.pick(content.EMAIL_SUBJECTS), name);
    const link = random.pick(content.LINKS);
    const from = random.pick(['hello', 'billing', 'noreply', 'support'] as const);
    const attachments = random.chance(0.2)
      ? [
          {
            mediaUrl: image().mediaUrl,
            filename: `${subject
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .slice(0, 40)}.png`,
          },
        ]
      : undefined;
    return {
      sender: `${from}@mail.example.com`,
      body: {
        type: 'html',
        html: {
          ...content.emailHtml(subject, name, link),
          metadata: {
            subject,
            emailFrom: { username: from, displayName: random.pick(content.STORES) },
          },
          ...(attachments ? { attachments } : {}),
        },
      },
    };
  }
  const withImage =
    platform === 'whatsapp' ? random.chance(0.25) : platform === 'sms' && random.chance(0.05);
  if (withImage) return { body: { type: 'image', image: { images: [image()], text } } };
  return { body: { type: 'text', text: { text } } };
}

function outgoing(
  random: Random,
  context: SeedContext,
  channel: Channel,
  platform: Platform,
  to: Contact,
  at: number,
  batch: Batch | undefined,
): SeededMessage {
  const { now, workspaceId } = context;
  const id = random.uuidV7(at);
  const { body, sender } = outgoingBody(random, platform, to.name, id, workspaceId);
  const contacts: MessageContact[] =
    platform === 'email'
      ? [{ ...to.email, type: 'to' }]
      : [platform === 'telegram' ? to.telegram : to.phone];
  const scheduled = at > now - 2 * DAY && random.chance(0.03);
  const status: MessageStatus = scheduled
    ? 'scheduled'
    : random.weighted(OUTGOING_STATUS[platform]);
  const settledAt = scheduled ? at : Math.min(now, at + random.int(400, 9000));
  const tags =
    batch?.tags ?? (random.chance(0.45) ? random.sample(content.TAGS, random.int(1, 2)) : []);
  const reference =
    batch?.reference ??
    (random.chance(0.5)
      ? `${random.pick(content.REFERENCE_PREFIXES)}-${String(random.int(10000, 99999))}`
      : '');
  const failed = ['rejected', 'sending_failed', 'delivery_failed'].includes(status);
  const outcome = failed ? content.failureFor(random, status, channel.platformId) : undefined;
  const parts = Array.from({ length: partCount(channel.platformId, body) }, () => ({
    platformReference: random.hex(24),
  }));
  const message: OutgoingMessage = {
    id,
    channelId: channel.id,
    direction: 'outgoing',
    status,
    lastStatusAt: new Date(settledAt).toISOString(),
    createdAt: new Date(at).toISOString(),
    updatedAt: new Date(settledAt).toISOString(),
    sender: {
      connector: { id: channel.connectorId, identifierValue: sender ?? channel.identifier },
    },
    receiver: { contacts },
    body,
    reference,
    tags,
    parts: status === 'rejected' || status === 'scheduled' ? [] : parts,
    reason:
      status === 'skipped'
        ? 'The recipient unsubscribed'
        : status === 'deleted'
          ? 'Deleted on request'
          : (outcome?.reason ?? ''),
    details: outcome?.details ?? '',
    ...(outcome ? { failure: outcome.failure } : {}),
    ...(scheduled ? { scheduledFor: new Date(now + random.int(HOUR, 5 * DAY)).toISOString() } : {}),
    ...(batch ? { batchId: batch.id } : {}),
  };
  return {
    message,
    interactions:
      status === 'delivered' ? interactionsOf(random, message, channel, settledAt, now) : [],
    transitions: scheduled ? planTransitions(message, channel.platformId) : [],
  };
}
