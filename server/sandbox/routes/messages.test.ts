import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCESS_KEY,
  CHANNELS,
  expectBirdError,
  READ_ONLY_KEY,
  startTestSandbox,
  type TestMessage,
  type TestSandbox,
} from './test-harness';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface MessagePage {
  results: TestMessage[];
  nextPageToken?: string;
}

describe('send (E3)', () => {
  let t: TestSandbox;
  let path: string;
  beforeEach(async () => {
    t = await startTestSandbox();
    path = `/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages`;
  });
  afterEach(async () => {
    await t.close();
  });

  it('answers 202 with the full stored message', async () => {
    const response = await t.post(path, {
      receiver: { contacts: [{ identifierValue: '+31612345678' }] },
      body: { type: 'text', text: { text: 'Hello' } },
      tags: ['Promo', 'VIP'],
    });
    expect(response.statusCode).toBe(202);
    const message = response.json<TestMessage>();
    const now = new Date(t.clock.now()).toISOString();
    expect(message).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      channelId: CHANNELS.sms,
      direction: 'outgoing',
      status: 'accepted',
      lastStatusAt: now,
      createdAt: now,
      updatedAt: now,
      sender: {
        connector: { id: '2a6f0d1e-9b3c-4e7a-a1d5-7c8e0f2b3a01', identifierValue: '+14155550100' },
      },
      receiver: {
        contacts: [
          {
            id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
            identifierKey: 'phonenumber',
            identifierValue: '+31612345678',
          },
        ],
      },
      body: { type: 'text', text: { text: 'Hello' } },
      reference: '',
      tags: ['promo', 'vip'],
      parts: [{ platformReference: expect.any(String) as unknown }],
      reason: '',
      details: '',
    });
    // It is stored, exactly as answered.
    const stored = await t.get(`${path}/${message.id}`);
    expect(stored.json()).toEqual(message);
  });

  it('gives the same recipient the same contact id', async () => {
    const a = await t.send(CHANNELS.sms, '+31612345678');
    const b = await t.send(CHANNELS.sms, '+31612345678');
    const idOf = (m: TestMessage) => (m.receiver as { contacts: { id: string }[] }).contacts[0]?.id;
    expect(idOf(a)).toBe(idOf(b));
  });

  it('keeps the sender, reference and email subject, and schedules when asked', async () => {
    const scheduledFor = new Date(t.clock.now() + 60_000).toISOString();
    const response = await t.post(`/workspaces/${t.ws}/channels/${CHANNELS.email}/messages`, {
      receiver: { contacts: [{ identifierValue: 'ann@example.com', type: 'to' }] },
      sender: { connector: { identifierValue: 'support', annotations: { name: 'Support' } } },
      body: { type: 'html', html: { html: '<p>Hi</p>', metadata: { subject: 'Your order' } } },
      reference: 'order-42',
      scheduledFor: scheduledFor.replace('Z', '+00:00'),
    });
    expect(response.statusCode).toBe(202);
    const message = response.json<TestMessage>();
    expect(message).toMatchObject({
      status: 'scheduled',
      scheduledFor,
      reference: 'order-42',
      sender: { connector: { identifierValue: 'support', annotations: { name: 'Support' } } },
      receiver: { contacts: [{ identifierKey: 'emailaddress', type: 'to' }] },
    });
    const found = (await t.get(`/workspaces/${t.ws}/messages?subject=order`)).json<MessagePage>();
    expect(found.results.map((m) => m.id)).toEqual([message.id]);
  });

  describe('order of checks', () => {
    const valid = {
      receiver: { contacts: [{ identifierValue: '+31612345678' }] },
      body: { type: 'text', text: { text: 'Hi' } },
    };

    it('401 without a valid key, before anything else', async () => {
      const noKey = await t.app.inject({ method: 'POST', url: path, payload: 'not json' });
      expectBirdError(noKey, 401, 'Unauthorized');
      expectBirdError(await t.post(path, valid, 'wrong-key-123'), 401, 'Unauthorized');
      const bearer = await t.app.inject({
        method: 'POST',
        url: path,
        headers: { authorization: `Bearer ${ACCESS_KEY}` },
        payload: valid,
      });
      expectBirdError(bearer, 401, 'Unauthorized');
    });

    it('403 for the read-only key, before the body is read', async () => {
      expectBirdError(await t.post(path, valid, READ_ONLY_KEY), 403, 'Forbidden');
      const tooBig = await t.app.inject({
        method: 'POST',
        url: path,
        headers: { authorization: `AccessKey ${READ_ONLY_KEY}`, 'content-type': 'text/plain' },
        payload: 'x'.repeat(2 * 1024 * 1024),
      });
      expectBirdError(tooBig, 403, 'Forbidden');
    });

    it('415 for a body that is not JSON, even on an unknown channel', async () => {
      const unknownChannel = `/workspaces/${t.ws}/channels/${UNKNOWN}/messages`;
      for (const url of [path, unknownChannel]) {
        const response = await t.request({
          method: 'POST',
          url,
          headers: { 'content-type': 'text/plain' },
          payload: 'hello',
        });
        expectBirdError(response, 415, 'UnsupportedMediaType');
      }
      // no body and no content type at all
      expectBirdError(await t.post(path), 415, 'UnsupportedMediaType');
      const form = await t.request({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=b',
      });
      expectBirdError(form, 415, 'UnsupportedMediaType');
    });

    it('413 for a body over 1 MiB', async () => {
      const big = JSON.stringify({ ...valid, reference: 'x'.repeat(1024 * 1024) });
      const response = await t.request({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/json' },
        payload: big,
      });
      expectBirdError(response, 413, 'PayloadTooLarge');
    });

    it('400 for malformed JSON', async () => {
      for (const payload of ['{', '{"receiver":', "{'a':1}", '', ' ']) {
        const response = await t.request({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          payload,
        });
        expectBirdError(response, 400, 'BadRequest');
      }
    });

    it('404 for an unknown channel or workspace, before the schema', async () => {
      expectBirdError(
        await t.post(`/workspaces/${t.ws}/channels/${UNKNOWN}/messages`, { nonsense: true }),
        404,
        'NotFound',
      );
      expectBirdError(
        await t.post(`/workspaces/${UNKNOWN}/channels/${CHANNELS.sms}/messages`, valid),
        404,
        'NotFound',
      );
    });

    it('409 for an inactive channel, before the schema', async () => {
      const inactive = `/workspaces/${t.ws}/channels/${CHANNELS.telegram}/messages`;
      expectBirdError(await t.post(inactive, valid), 409, 'Conflict');
      expectBirdError(await t.post(inactive, { nonsense: true }), 409, 'Conflict');
    });

    it('422 with details keyed by JSON path', async () => {
      const body = expectBirdError(
        await t.post(path, {
          receiver: { contacts: [{ identifierValue: '0612345678' }, {}] },
          body: { type: 'text', text: { text: '', extra: 1 } },
          tags: ['ok', 'not/ok'],
          colour: 'blue',
        }),
        422,
        'InvalidPayload',
      );
      expect(body.message).toBe('One or more fields provided in the request body are malformed');
      expect(body.details).toEqual({
        '.receiver.contacts[0].identifierValue': ['must be an E.164 phone number'],
        '.receiver.contacts[1]': [
          'must have an identifierValue, id, identifiers or platformAddress',
        ],
        '.body.text.text': ['must not be empty'],
        '.body.text.extra': ['property "extra" is unsupported'],
        '.tags[1]': ['may contain only letters, digits, "-", "_" and spaces'],
        '.colour': ['property "colour" is unsupported'],
      });
    });

    it('422 for scheduledFor more than 35 days ahead', async () => {
      const far = new Date(t.clock.now() + 36 * 24 * 3600_000).toISOString();
      const body = expectBirdError(
        await t.post(path, { ...valid, scheduledFor: far }),
        422,
        'InvalidPayload',
      );
      expect(Object.keys(body.details ?? {})).toEqual(['.scheduledFor']);
    });

    it('JSON that is not an object is a 422 with a body, never a crash', async () => {
      for (const payload of ['[]', '"x"', 'null', '42', 'true', '[{"receiver":{}}]']) {
        const response = await t.request({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'application/json' },
          payload,
        });
        expectBirdError(response, 422, 'InvalidPayload');
      }
    });
  });
});

describe('batch send (E4)', () => {
  let t: TestSandbox;
  beforeEach(async () => {
    t = await startTestSandbox();
  });
  afterEach(async () => {
    await t.close();
  });

  it('accepts the batch; invalid items become rejected messages of the same batch', async () => {
    const response = await t.post(`/workspaces/${t.ws}/channels/${CHANNELS.sms}/batch/messages`, {
      messageRequests: [
        {
          receiver: { contacts: [{ identifierValue: '+31611111111' }] },
          body: { type: 'text', text: { text: 'one' } },
          reference: 'first',
        },
        {
          receiver: { contacts: [{ identifierValue: 'not-a-phone' }] },
          body: { type: 'text', text: { text: 'two' } },
          reference: 'second',
          tags: ['Bad'],
        },
        { body: { type: 'text', text: { text: 'three' } }, surprise: 1 },
      ],
    });
    expect(response.statusCode).toBe(202);
    const { batchId } = response.json<{ batchId: string }>();
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);

    const page = (
      await t.get(`/workspaces/${t.ws}/messages?batchId=${batchId}&reverse=true`)
    ).json<MessagePage>();
    expect(page.results).toHaveLength(3);
    for (const message of page.results) expect(message.batchId).toBe(batchId);
    const byReference = new Map(page.results.map((m) => [m.reference, m]));
    expect(byReference.get('first')).toMatchObject({ status: 'accepted', details: '' });
    const second = byReference.get('second');
    expect(second).toMatchObject({
      status: 'rejected',
      tags: ['bad'],
      body: { type: 'text', text: { text: 'two' } },
      failure: { code: 11002, description: 'Invalid input', source: { name: 'pre-processing' } },
    });
    expect(JSON.parse(String(second?.details))).toEqual({
      '.receiver.contacts[0].identifierValue': ['must be an E.164 phone number'],
    });
    const third = page.results.find((m) => m.reference === '' && m.status === 'rejected');
    expect(JSON.parse(String(third?.details))).toEqual({
      '.receiver': ['required'],
      '.surprise': ['property "surprise" is unsupported'],
    });

    const rejected = (
      await t.get(`/workspaces/${t.ws}/messages?batchId=${batchId}&status=rejected`)
    ).json<MessagePage>();
    expect(rejected.results).toHaveLength(2);
  });

  it('answers 422 for an envelope without 1-100 objects', async () => {
    const path = `/workspaces/${t.ws}/channels/${CHANNELS.sms}/batch/messages`;
    for (const body of [
      {},
      { messageRequests: [] },
      { messageRequests: Array.from({ length: 101 }, () => ({})) },
      { messageRequests: [1, 'x'] },
      [],
    ]) {
      expectBirdError(await t.post(path, body), 422, 'InvalidPayload');
    }
    expectBirdError(
      await t.post(`/workspaces/${t.ws}/channels/${CHANNELS.telegram}/batch/messages`, {
        messageRequests: [{}],
      }),
      409,
      'Conflict',
    );
  });
});

describe('lists and reads (E5-E8)', () => {
  let t: TestSandbox;
  beforeEach(async () => {
    t = await startTestSandbox();
  });
  afterEach(async () => {
    await t.close();
  });

  it('lists a channel newest first with filters and keyset pages', async () => {
    const sent: TestMessage[] = [];
    for (let i = 0; i < 5; i += 1) {
      sent.push(await t.send(CHANNELS.sms, `+3161111111${i}`, { tags: [i % 2 ? 'odd' : 'even'] }));
      t.clock.advance(1000);
    }
    await t.send(CHANNELS.whatsapp, '+31622222222');
    const path = `/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages`;

    const page1 = (await t.get(`${path}?limit=2`)).json<MessagePage>();
    expect(page1.results.map((m) => m.id)).toEqual([sent[4]?.id, sent[3]?.id]);
    const page2 = (
      await t.get(`${path}?limit=2&pageToken=${page1.nextPageToken ?? ''}`)
    ).json<MessagePage>();
    expect(page2.results.map((m) => m.id)).toEqual([sent[2]?.id, sent[1]?.id]);
    const page3 = (
      await t.get(`${path}?limit=2&pageToken=${page2.nextPageToken ?? ''}`)
    ).json<MessagePage>();
    expect(page3.results.map((m) => m.id)).toEqual([sent[0]?.id]);
    expect(page3.nextPageToken).toBeUndefined();

    const odd = (await t.get(`${path}?tag=ODD`)).json<MessagePage>();
    expect(odd.results.map((m) => m.id)).toEqual([sent[3]?.id, sent[1]?.id]);
    const to = (await t.get(`${path}?to=%2B31611111112`)).json<MessagePage>();
    expect(to.results.map((m) => m.id)).toEqual([sent[2]?.id]);
    const from = (await t.get(`${path}?from=%2B14155550100&limit=100`)).json<MessagePage>();
    expect(from.results).toHaveLength(5);
    const window = (
      await t.get(
        `${path}?startAt=${String(sent[1]?.createdAt)}&endAt=${String(sent[3]?.createdAt)}`,
      )
    ).json<MessagePage>();
    expect(window.results.map((m) => m.id)).toEqual([sent[2]?.id, sent[1]?.id]);

    const all = (await t.get(`/workspaces/${t.ws}/messages?limit=100`)).json<MessagePage>();
    expect(all.results).toHaveLength(6);
    const whatsapp = (
      await t.get(`/workspaces/${t.ws}/messages?channelId=${CHANNELS.whatsapp}`)
    ).json<MessagePage>();
    expect(whatsapp.results).toHaveLength(1);
    const platform = (
      await t.get(`/workspaces/${t.ws}/messages?platform=whatsapp&direction=outgoing`)
    ).json<MessagePage>();
    expect(platform.results).toHaveLength(1);
  });

  it('refuses a limit outside 1-100 (422) and a foreign page token (400)', async () => {
    const path = `/workspaces/${t.ws}/messages`;
    for (const limit of ['0', '101']) {
      const body = expectBirdError(await t.get(`${path}?limit=${limit}`), 422, 'InvalidPayload');
      expect(body.details).toEqual({ '.limit': ['must be an integer from 1 to 100'] });
    }
    expectBirdError(await t.get(`${path}?pageToken=garbage!`), 400, 'BadRequest');
    expectBirdError(await t.get(`${path}?pageToken=a&pageToken=b`), 400, 'BadRequest');
    const bad = expectBirdError(
      await t.get(`${path}?status=sent&status=lost&direction=sideways`),
      422,
      'InvalidPayload',
    );
    expect(Object.keys(bad.details ?? {}).sort()).toEqual(['.direction', '.status']);
  });

  it('reads one message; 404 when unknown or in another channel', async () => {
    const message = await t.send(CHANNELS.sms, '+31612345678');
    const own = `/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages/${message.id}`;
    expect((await t.get(own)).statusCode).toBe(200);
    expectBirdError(
      await t.get(`/workspaces/${t.ws}/channels/${CHANNELS.whatsapp}/messages/${message.id}`),
      404,
      'NotFound',
    );
    expectBirdError(
      await t.get(`/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages/${UNKNOWN}`),
      404,
      'NotFound',
    );
    expectBirdError(
      await t.get(`/workspaces/${t.ws}/channels/${CHANNELS.sms}/messages/not-a-uuid`),
      404,
      'NotFound',
    );
    expectBirdError(
      await t.get(
        `/workspaces/${t.ws}/channels/${CHANNELS.whatsapp}/messages/${message.id}/interactions`,
      ),
      404,
      'NotFound',
    );
  });

  it('lists interactions with limit and pageToken', async () => {
    const message = await t.send(CHANNELS.email, 'click@example.com');
    await t.advance(10_000);
    const path = `/workspaces/${t.ws}/channels/${CHANNELS.email}/messages/${message.id}/interactions`;
    const all = (await t.get(path)).json<{ results: { type: string }[]; nextPageToken?: string }>();
    expect(all.results.map((i) => i.type)).toEqual(['clicked', 'opened']);
    expect(all.nextPageToken).toBeUndefined();
    const first = (await t.get(`${path}?limit=1`)).json<{
      results: { type: string }[];
      nextPageToken?: string;
    }>();
    expect(first.results.map((i) => i.type)).toEqual(['clicked']);
    const second = (await t.get(`${path}?limit=1&pageToken=${first.nextPageToken ?? ''}`)).json<{
      results: { type: string }[];
      nextPageToken?: string;
    }>();
    expect(second.results.map((i) => i.type)).toEqual(['opened']);
    expect(second.nextPageToken).toBeUndefined();
    expectBirdError(await t.get(`${path}?limit=101`), 422, 'InvalidPayload');
    expectBirdError(await t.get(`${path}?pageToken=zzz`), 400, 'BadRequest');
  });
});
