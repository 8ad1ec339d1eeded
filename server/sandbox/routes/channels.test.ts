import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNELS,
  expectBirdError,
  READ_ONLY_KEY,
  startTestSandbox,
  type TestSandbox,
} from './test-harness';

interface ChannelPage {
  results: { id: string; platformId: string; status: string; createdAt: string }[];
  nextPageToken?: string;
}

describe('channels (E1, E2)', () => {
  let t: TestSandbox;
  beforeEach(async () => {
    t = await startTestSandbox();
  });
  afterEach(async () => {
    await t.close();
  });

  it('lists the channels newest first, pages with nextPageToken and honours reverse', async () => {
    const all = (await t.get(`/workspaces/${t.ws}/channels`)).json<ChannelPage>();
    expect(all.results.map((c) => c.id)).toEqual([
      CHANNELS.telegram,
      CHANNELS.email,
      CHANNELS.whatsapp,
      CHANNELS.sms,
    ]);
    expect(all.nextPageToken).toBeUndefined();

    const first = await t.get(`/workspaces/${t.ws}/channels?limit=3`);
    expect(first.statusCode).toBe(200);
    const page1 = first.json<ChannelPage>();
    expect(page1.results).toHaveLength(3);
    expect(page1.nextPageToken).toEqual(expect.any(String) as unknown);
    const page2 = (
      await t.get(`/workspaces/${t.ws}/channels?limit=3&pageToken=${page1.nextPageToken ?? ''}`)
    ).json<ChannelPage>();
    expect(page2.results.map((c) => c.id)).toEqual([CHANNELS.sms]);
    expect(page2.nextPageToken).toBeUndefined();

    const reversed = (
      await t.get(`/workspaces/${t.ws}/channels?reverse=true&limit=1`)
    ).json<ChannelPage>();
    expect(reversed.results.map((c) => c.id)).toEqual([CHANNELS.sms]);
  });

  it('filters by platform and status', async () => {
    const whatsapp = (
      await t.get(`/workspaces/${t.ws}/channels?platform=whatsapp`)
    ).json<ChannelPage>();
    expect(whatsapp.results.map((c) => c.id)).toEqual([CHANNELS.whatsapp]);
    const inactive = (
      await t.get(`/workspaces/${t.ws}/channels?status=inactive`)
    ).json<ChannelPage>();
    expect(inactive.results.map((c) => c.id)).toEqual([CHANNELS.telegram]);
  });

  it('answers 422 with details for a limit out of 1-1000 or a bad filter', async () => {
    for (const limit of ['0', '1001', 'ten', '-1', '2.5']) {
      const body = expectBirdError(
        await t.get(`/workspaces/${t.ws}/channels?limit=${limit}`),
        422,
        'InvalidPayload',
      );
      expect(body.details).toEqual({ '.limit': ['must be an integer from 1 to 1000'] });
    }
    expect((await t.get(`/workspaces/${t.ws}/channels?limit=1000`)).statusCode).toBe(200);
    const status = expectBirdError(
      await t.get(`/workspaces/${t.ws}/channels?status=gone`),
      422,
      'InvalidPayload',
    );
    expect(Object.keys(status.details ?? {})).toEqual(['.status']);
  });

  it('answers 400 for a page token that is not ours', async () => {
    for (const token of ['nope', 'eyJhIjoxfQ', 'x'.repeat(9000), '%00']) {
      expectBirdError(
        await t.get(`/workspaces/${t.ws}/channels?pageToken=${token}`),
        400,
        'BadRequest',
      );
    }
  });

  it('reads one channel, 404 for an unknown channel or workspace', async () => {
    const response = await t.get(`/workspaces/${t.ws}/channels/${CHANNELS.sms}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: CHANNELS.sms,
      platformId: 'sms-messagebird',
      status: 'active',
      capabilities: expect.arrayContaining(['messaging.outgoing.mms']) as unknown,
    });
    expectBirdError(
      await t.get(`/workspaces/${t.ws}/channels/00000000-0000-4000-8000-000000000000`),
      404,
      'NotFound',
    );
    expectBirdError(
      await t.get(`/workspaces/00000000-0000-4000-8000-000000000000/channels`),
      404,
      'NotFound',
    );
  });

  it('lets the read-only key read', async () => {
    expect((await t.get(`/workspaces/${t.ws}/channels`, READ_ONLY_KEY)).statusCode).toBe(200);
  });
});
