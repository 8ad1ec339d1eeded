import { describe, expect, it } from 'vitest';
import type { Interaction } from '@/lib/bird/interaction';
import { buildTimeline, statusPath } from './timeline';
import { testMessage } from './test-message';

const base = testMessage();

function interaction(type: Interaction['type'], createdAt: string): Interaction {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    messageId: base.id,
    channelId: base.channelId,
    platformId: 'email-messagebird',
    type,
    details: '',
    messageReference: '',
    messageTags: [],
    messagePartsCount: 1,
    receiver: { contacts: [] },
    createdAt,
  };
}

const summary = (entries: ReturnType<typeof buildTimeline>) =>
  entries.map((e) =>
    e.kind === 'status'
      ? `${e.status}:${e.source}:${e.at ?? '-'}`
      : `${e.interaction.type}:${e.at}`,
  );

describe('statusPath', () => {
  it('leads through the steps a status implies', () => {
    expect(statusPath('delivered')).toEqual(['accepted', 'processing', 'sent', 'delivered']);
    expect(statusPath('sending_failed')).toEqual(['accepted', 'processing', 'sending_failed']);
    expect(statusPath('rejected')).toEqual(['rejected']);
  });
});

describe('buildTimeline', () => {
  it('derives the path from the message, observed steps with their time, the rest implied', () => {
    const entries = buildTimeline(base, { sent: '2026-11-27T10:00:00.600Z' }, [
      interaction('clicked', '2026-11-27T10:00:01.500Z'),
      interaction('opened', '2026-11-27T10:00:01.200Z'),
    ]);
    expect(summary(entries)).toEqual([
      'accepted:reported:2026-11-27T10:00:00.000Z',
      'processing:implied:-',
      'sent:observed:2026-11-27T10:00:00.600Z',
      'delivered:reported:2026-11-27T10:00:00.900Z',
      'opened:2026-11-27T10:00:01.200Z',
      'clicked:2026-11-27T10:00:01.500Z',
    ]);
  });

  it('starts a scheduled message at its creation and accepts it at scheduledFor', () => {
    const entries = buildTimeline(
      {
        ...base,
        status: 'sent',
        scheduledFor: '2026-11-28T09:00:00.000Z',
        lastStatusAt: '2026-11-28T09:00:00.600Z',
      },
      {},
      [],
    );
    expect(summary(entries)).toEqual([
      'scheduled:reported:2026-11-27T10:00:00.000Z',
      'accepted:reported:2026-11-28T09:00:00.000Z',
      'processing:implied:-',
      'sent:reported:2026-11-28T09:00:00.600Z',
    ]);
  });

  it('shows an incoming message as received at its creation', () => {
    const incoming = {
      ...base,
      direction: 'incoming' as const,
      sender: {
        contact: { id: base.id, identifierKey: 'phonenumber', identifierValue: '+31600000000' },
      },
      receiver: { connector: base.sender.connector },
    };
    expect(summary(buildTimeline(incoming, {}, []))).toEqual([
      'delivered:reported:2026-11-27T10:00:00.000Z',
    ]);
  });
});
