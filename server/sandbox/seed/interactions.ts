import type { Channel } from '../../../src/lib/bird/channel';
import type { Interaction } from '../../../src/lib/bird/interaction';
import type { OutgoingMessage } from '../../../src/lib/bird/message';
import * as content from './content';
import type { Random } from './random';

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

/**
 * What recipients did with a delivered message (contract §3: email → opened, clicked,
 * unsubscribe-request, reported-as-spam; WhatsApp → read, reaction; Telegram → reaction),
 * each a little later than the one before, none after `now`.
 */
export function interactionsOf(
  random: Random,
  message: OutgoingMessage,
  channel: Channel,
  deliveredAt: number,
  now: number,
): Interaction[] {
  const out: Interaction[] = [];
  let at = deliveredAt;
  const add = (
    type: Interaction['type'],
    details: string,
    metadata?: Interaction['metadata'],
  ): boolean => {
    at += Math.floor(random.next() ** 3 * 6 * HOUR) + SECOND;
    if (at >= now) return false;
    out.push({
      id: random.uuidV7(at),
      messageId: message.id,
      channelId: channel.id,
      platformId: channel.platformId,
      type,
      details,
      messageReference: message.reference,
      messageTags: message.tags,
      messagePartsCount: message.parts?.length ?? 1,
      receiver: { contacts: message.receiver.contacts.slice(0, 1) },
      createdAt: new Date(at).toISOString(),
      ...(metadata ? { metadata } : {}),
    });
    return true;
  };
  if (channel.platformId === 'email-messagebird') {
    if (random.chance(0.55) && add('opened', 'initial_open')) {
      if (random.chance(0.25)) add('clicked', 'click', { link: { ...random.pick(content.LINKS) } });
      if (random.chance(0.01)) add('unsubscribe-request', '');
      else if (random.chance(0.004)) add('reported-as-spam', '');
    }
  } else if (channel.platformId === 'whatsapp') {
    if (random.chance(0.7) && add('read', '') && random.chance(0.06)) {
      add('reaction', '', { reaction: { emoji: random.pick(content.REACTIONS), action: 'react' } });
    }
  } else if (channel.platformId === 'telegram' && random.chance(0.04)) {
    add('reaction', '', { reaction: { emoji: random.pick(content.REACTIONS), action: 'react' } });
  }
  return out;
}
