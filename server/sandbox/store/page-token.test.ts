import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken } from './page-token';

const cursor = {
  createdAt: Date.parse('2026-11-27T15:04:05.123Z'),
  id: '0f8c2a4e-1b3d-4c5e-8f70-123456789abc',
};
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('page tokens', () => {
  it('round-trips a cursor through base64url JSON [createdAt, id]', () => {
    const token = encodePageToken(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toEqual([
      '2026-11-27T15:04:05.123Z',
      cursor.id,
    ]);
    expect(decodePageToken(token)).toEqual(cursor);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$def'],
    ['padded base64', `${encodePageToken(cursor)}=`],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['an object', encode({ createdAt: '2026-11-27T15:04:05.123Z', id: cursor.id })],
    ['one element', encode(['2026-11-27T15:04:05.123Z'])],
    ['three elements', encode(['2026-11-27T15:04:05.123Z', cursor.id, 1])],
    ['a number time', encode([cursor.createdAt, cursor.id])],
    ['a time without ms', encode(['2026-11-27T15:04:05Z', cursor.id])],
    ['an offset time', encode(['2026-11-27T15:04:05.123+01:00', cursor.id])],
    ['an impossible date', encode(['2026-02-30T15:04:05.123Z', cursor.id])],
    ['a non-UUID id', encode(['2026-11-27T15:04:05.123Z', 'abc'])],
    ['too long', 'A'.repeat(8001)],
  ])('rejects a token that is %s', (_, token) => {
    expect(decodePageToken(token)).toBeUndefined();
  });

  it('rejects a token with stray bits (one cursor, one spelling)', () => {
    const token = encodePageToken(cursor);
    const last = token.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? '';
    // 67 JSON bytes: the last character carries 2 data bits, so its lowest bit is stray.
    const tampered = token.slice(0, -1) + sibling;
    expect(Buffer.from(tampered, 'base64url').toString('base64url')).not.toBe(tampered);
    expect(decodePageToken(tampered)).toBeUndefined();
  });
});
