import { inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/lib/bird/message';
import { incoming, outgoing, T0, testId } from '../store/test-fixtures';
import { generatedMediaUrl } from './media-urls';
import { GENERATED_IMAGE_SIZE, PNG_SIGNATURE } from './png';
import { AUTH, CHANNELS, PREFIX, startMediaHarness, type MediaHarness } from './test-support';

const MESSAGE = testId(1, 'aaaaaaaa');
const MEDIA = testId(2, 'bbbbbbbb');

/** The chunks of a PNG, checking each one's length and CRC. */
function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    chunks.push({ type, data });
    offset += 12 + length;
  }
  return chunks;
}

describe('E12 GET /workspaces/{ws}/messages/{msg}/media/{mediaId}', () => {
  let harness: MediaHarness;
  beforeEach(async () => {
    harness = await startMediaHarness();
  });
  afterEach(() => harness.close());

  const path = (messageId = MESSAGE, mediaId = MEDIA) =>
    `${PREFIX}/workspaces/${harness.workspaceId}/messages/${messageId}/media/${mediaId}`;
  const get = (url: string, headers: Record<string, string> = AUTH) =>
    harness.app.inject({ method: 'GET', url, headers });

  const withImage = (message: Message, mediaId = MEDIA): Message => ({
    ...message,
    body: {
      type: 'image',
      image: {
        images: [{ mediaUrl: generatedMediaUrl(harness.workspaceId, message.id, mediaId) }],
      },
    },
  });

  const storeIncomingImage = (): void => {
    harness.store.messages.insert(
      withImage(
        incoming({
          id: MESSAGE,
          channelId: CHANNELS.sms,
          at: T0,
          from: '+31612349994',
          to: '+14155550100',
        }),
      ),
    );
  };

  it('mints URLs on the sandbox origin that the HTTP layer rewrites', () => {
    expect(generatedMediaUrl('w', 'm', 'x')).toBe(
      'https://sandbox.invalid/workspaces/w/messages/m/media/x',
    );
  });

  it('serves a valid PNG drawn from the media id, the same bytes every time', async () => {
    storeIncomingImage();
    const response = await get(path());
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(response.rawPayload.length),
      'content-disposition': `inline; filename="media-${MEDIA}.png"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private',
    });

    const chunks = pngChunks(response.rawPayload);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0]?.data ?? Buffer.alloc(0);
    expect(header.length).toBe(13);
    expect(header.readUInt32BE(0)).toBe(GENERATED_IMAGE_SIZE.width);
    expect(header.readUInt32BE(4)).toBe(GENERATED_IMAGE_SIZE.height);
    expect([...header.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    const pixels = inflateSync(chunks[1]?.data ?? Buffer.alloc(0));
    expect(pixels.length).toBe((GENERATED_IMAGE_SIZE.width * 3 + 1) * GENERATED_IMAGE_SIZE.height);

    const again = await get(path());
    expect(again.rawPayload.equals(response.rawPayload)).toBe(true);
  });

  it('draws different media differently', async () => {
    const other = testId(3, 'bbbbbbbb');
    const message = incoming({
      id: MESSAGE,
      channelId: CHANNELS.whatsapp,
      at: T0,
      from: '+3161',
      to: '+1',
    });
    harness.store.messages.insert({
      ...message,
      body: {
        type: 'image',
        image: {
          images: [MEDIA, other].map((id) => ({
            mediaUrl: generatedMediaUrl(harness.workspaceId, MESSAGE, id),
          })),
        },
      },
    });
    const [a, b] = await Promise.all([get(path()), get(path(MESSAGE, other))]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(a.rawPayload.equals(b.rawPayload)).toBe(false);
  });

  it('answers HEAD with the headers only', async () => {
    storeIncomingImage();
    const response = await harness.app.inject({ method: 'HEAD', url: path(), headers: AUTH });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(Number(response.headers['content-length'])).toBeGreaterThan(0);
    expect(response.rawPayload.length).toBe(0);
  });

  it('serves generated media that a seeded outgoing message carries', async () => {
    const sent = testId(9, 'aaaaaaaa');
    harness.store.messages.insert(
      withImage(outgoing({ id: sent, channelId: CHANNELS.sms, at: T0 })),
    );
    const response = await get(path(sent));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
  });

  it('404 for media the message does not carry, or unknown messages', async () => {
    storeIncomingImage();
    const sent = testId(9, 'aaaaaaaa');
    harness.store.messages.insert(outgoing({ id: sent, channelId: CHANNELS.sms, at: T0 }));
    for (const url of [
      path(MESSAGE, testId(4, 'bbbbbbbb')),
      path(testId(5, 'aaaaaaaa')),
      path(sent),
      path(MESSAGE, 'not-a-uuid'),
      path().replace(harness.workspaceId, testId(6, 'ffffffff')),
    ]) {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NotFound' });
    }
  });

  it('asks for the access key', async () => {
    storeIncomingImage();
    expect((await get(path(), {})).statusCode).toBe(401);
  });
});
