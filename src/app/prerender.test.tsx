import { afterEach, describe, expect, it } from 'vitest';
import { testMessage } from '@/features/message-detail/utils/test-message';
import type { Channel } from '@/lib/bird/channel';
import type { SessionInfo } from '@/lib/perch/session';
import { TEST_WORKSPACE_ID, testSession } from '@/lib/perch/test-session';
import type { View } from '@/lib/view-cookie';
import { prerenderMessagesPage, setApiTransport } from './prerender';

const ws = TEST_WORKSPACE_ID;
const channel: Channel = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Support line',
  platformId: 'sms-messagebird',
  connectorId: '33333333-3333-4333-8333-333333333333',
  identifier: '+14155550100',
  status: 'active',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const message = testMessage({
  createdAt: '2026-11-27T15:04:05.123Z',
  receiver: {
    contacts: [
      {
        id: '44444444-4444-4444-8444-444444444444',
        identifierKey: 'phonenumber',
        identifierValue: '+31612345678',
      },
    ],
  },
  body: { type: 'text', text: { text: 'Secret plans for Friday' } },
  reference: 'order-42',
});
const connected = testSession;

const view = (overrides: Partial<View> = {}): View => ({
  zone: 'Europe/Amsterdam',
  theme: 'light',
  prefs: {},
  ...overrides,
});

/** The app's requests, answered: the session, one page with `message`, the channels. */
function serve(options: { session?: SessionInfo; listStatus?: number } = {}) {
  const asked: string[] = [];
  setApiTransport((input) => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://perch.test');
    asked.push(`${url.pathname}${url.search}`);
    const json = (status: number, body: unknown) =>
      Promise.resolve(
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
      );
    if (url.pathname === '/session') return json(200, options.session ?? connected);
    if (url.pathname.endsWith('/channels')) return json(200, { results: [channel] });
    const status = options.listStatus ?? 200;
    return status === 200
      ? json(200, { results: [message] })
      : json(status, { code: 'Unavailable', message: 'try later' });
  });
  return asked;
}

afterEach(() => {
  setApiTransport(() => Promise.reject(new Error('no transport')));
});

const NOW = Date.parse('2026-11-27T15:10:00.000Z');
const at = (path: string) => new URL(path, 'http://perch.test');

describe('prerenderMessagesPage', () => {
  it('renders the rows the browser would, in its zone, with the cache it rendered from', async () => {
    const asked = serve();
    const page = await prerenderMessagesPage(at('/messages'), view(), NOW);
    expect(asked).toEqual([
      '/session',
      `/api/workspaces/${ws}/messages?limit=50`,
      `/api/workspaces/${ws}/channels?limit=1000`,
    ]);
    expect(page?.html).toContain('data-row-index="0"');
    expect(page?.html).toContain('Secret plans for Friday');
    expect(page?.html).toContain('+31612345678');
    expect(page?.html).toContain('Support line');
    // 16:04:05 in Amsterdam (UTC+1 in November), as the browser would show it.
    expect(page?.html).toContain('2026-11-27 16:04:05 GMT+1');
    expect(page?.state.queries.map((query) => query.queryKey[0])).toEqual(
      expect.arrayContaining(['session']),
    );
  });

  it('masks recipients and content when the browser is in privacy mode', async () => {
    serve();
    const page = await prerenderMessagesPage(
      at('/messages'),
      view({ prefs: { 'perch.privacy': 'on' } }),
      NOW,
    );
    expect(page?.html).toContain('data-row-index="0"');
    expect(page?.html).not.toContain('Secret plans');
    expect(page?.html).not.toContain('+31612345678');
  });

  it('shows times in UTC and hides columns as the browser chose', async () => {
    serve();
    const page = await prerenderMessagesPage(
      at('/messages'),
      view({
        prefs: { 'perch.timeZone': 'utc', 'perch.messages.columns': '{"reference":false}' },
      }),
      NOW,
    );
    expect(page?.html).toContain('2026-11-27 15:04:05 UTC');
    expect(page?.html).not.toContain('order-42');
  });

  it('renders in the theme the browser reported', async () => {
    serve();
    const dark = await prerenderMessagesPage(at('/messages'), view({ theme: 'dark' }), NOW);
    expect(dark?.html).toContain('Switch to light theme');
  });

  it('renders nothing when not connected, when the list fails, or for a preset range', async () => {
    serve({ session: { connected: false } });
    expect(await prerenderMessagesPage(at('/messages'), view(), NOW)).toBeUndefined();
    serve({ listStatus: 503 });
    expect(await prerenderMessagesPage(at('/messages'), view(), NOW)).toBeUndefined();
    serve();
    expect(await prerenderMessagesPage(at('/messages?range=1h'), view(), NOW)).toBeUndefined();
    expect(await prerenderMessagesPage(at('/compose'), view(), NOW)).toBeUndefined();
  });
});
