import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../src/lib/bird/interaction';
import { decodePageToken } from './page-token';
import { openTestStore, outgoing, T0, testId, type TestStore } from './test-fixtures';

let t: TestStore;
const messageId = testId(1);

function interaction(n: number, at: number, type: Interaction['type'] = 'opened'): Interaction {
  return {
    id: testId(n, 'aaaaaaaa'),
    messageId,
    channelId: t.workspace.channels.email.id,
    platformId: 'email-messagebird',
    type,
    details: type === 'opened' ? 'initial_open' : 'click',
    messageReference: 'r',
    messageTags: ['news'],
    messagePartsCount: 1,
    receiver: {
      contacts: [
        {
          id: testId(3, 'dddddddd'),
          identifierKey: 'emailaddress',
          identifierValue: 'a@example.com',
        },
      ],
    },
    createdAt: new Date(at).toISOString(),
    ...(type === 'clicked'
      ? { metadata: { link: { name: 'Docs', url: 'https://example.com/docs' } } }
      : {}),
  };
}

beforeEach(() => {
  t = openTestStore();
  t.store.messages.insert(
    outgoing({
      id: messageId,
      channelId: t.workspace.channels.email.id,
      at: T0,
      subject: 'Hi',
      to: ['a@example.com'],
    }),
  );
});
afterEach(() => {
  t.db.close();
});

describe('interaction store', () => {
  it('lists a message’s interactions newest first, in pages, as stored', () => {
    const all = [
      interaction(1, T0 + 100),
      interaction(2, T0 + 200, 'clicked'),
      interaction(3, T0 + 200, 'clicked'),
    ];
    for (const i of all) t.store.interactions.insert(i);
    const first = t.store.interactions.listByMessage(messageId, { limit: 2 });
    expect(first.results).toStrictEqual([all[2], all[1]]);
    const rest = t.store.interactions.listByMessage(messageId, {
      limit: 2,
      after: decodePageToken(first.nextPageToken ?? ''),
    });
    expect(rest).toStrictEqual({ results: [all[0]] });
    expect(
      t.store.interactions.listByMessage(messageId, { limit: 10, reverse: true }).results,
    ).toStrictEqual(all);
    expect(t.store.interactions.listByMessage(testId(404), { limit: 10 })).toStrictEqual({
      results: [],
    });
  });

  it('refuses an interaction of an unknown message', () => {
    expect(() => {
      t.store.interactions.insert({ ...interaction(1, T0), messageId: testId(404) });
    }).toThrow();
  });
});
