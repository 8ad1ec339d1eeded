import { describe, expect, it } from 'vitest';
import {
  birdErrorSchema,
  isKnownPlatformId,
  listPage,
  mimeTypeSchema,
  nextPageTokenOf,
  parseRfc3339,
  platformIdSchema,
  rfc3339Schema,
  timestampSchema,
  toTimestamp,
  uuidSchema,
} from './common';
import { z } from '../zod';

describe('times', () => {
  it('accepts only the API output form as a timestamp', () => {
    expect(timestampSchema.safeParse('2026-11-27T15:04:05.123Z').success).toBe(true);
    for (const bad of [
      '2026-11-27T15:04:05Z',
      '2026-11-27T15:04:05.12Z',
      '2026-11-27T15:04:05.123+00:00',
      '2026-11-27',
    ]) {
      expect(timestampSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts any RFC 3339 date-time as input', () => {
    for (const ok of [
      '2026-11-27T15:04:05Z',
      '2026-11-27T15:04:05.123456Z',
      '2026-11-27T16:04:05+01:00',
      '2026-11-27T10:04:05.5-05:00',
    ]) {
      expect(rfc3339Schema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['2026-11-27T15:04Z', '2026-11-27 15:04:05Z', '2026-13-01T00:00:00Z']) {
      expect(rfc3339Schema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('converts between epoch milliseconds and API times', () => {
    expect(toTimestamp(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(parseRfc3339('2026-11-27T16:04:05.123+01:00')).toBe(
      Date.parse('2026-11-27T15:04:05.123Z'),
    );
    expect(parseRfc3339('tomorrow')).toBeUndefined();
  });
});

describe('ids and names', () => {
  it('accepts UUIDs of any version', () => {
    expect(uuidSchema.safeParse('3f1c2b7e-8d4a-4c5e-9b1f-2a6d7e8f9a0b').success).toBe(true);
    expect(uuidSchema.safeParse('11111111-1111-1111-1111-111111111111').success).toBe(true);
    expect(uuidSchema.safeParse('3f1c2b7e8d4a4c5e9b1f2a6d7e8f9a0b').success).toBe(false);
  });

  it('checks platform ids and knows the documented ones', () => {
    expect(platformIdSchema.safeParse('sms-messagebird').success).toBe(true);
    expect(platformIdSchema.safeParse('sms_messagebird').success).toBe(false);
    expect(isKnownPlatformId('whatsapp')).toBe(true);
    expect(isKnownPlatformId('pigeon')).toBe(false);
  });

  it('checks MIME types', () => {
    expect(mimeTypeSchema.safeParse('image/png').success).toBe(true);
    expect(mimeTypeSchema.safeParse('application/vnd.ms-excel').success).toBe(true);
    expect(mimeTypeSchema.safeParse('png').success).toBe(false);
    expect(mimeTypeSchema.safeParse('image/').success).toBe(false);
  });
});

describe('error body and list pages', () => {
  it('reads an error body with and without details', () => {
    expect(birdErrorSchema.parse({ code: 'NotFound', message: 'Not found' })).toEqual({
      code: 'NotFound',
      message: 'Not found',
    });
    const withDetails = {
      code: 'InvalidPayload',
      message: 'One or more fields provided in the request body are malformed',
      details: { '.receiver.contacts[0].identifierValue': ['must be an E.164 phone number'] },
    };
    expect(birdErrorSchema.parse(withDetails)).toEqual(withDetails);
    expect(
      birdErrorSchema.safeParse({ code: 'X', message: 'm', details: { a: 'b' } }).success,
    ).toBe(false);
  });

  it('treats a missing or empty nextPageToken as the last page', () => {
    const page = listPage(z.number());
    expect(nextPageTokenOf(page.parse({ results: [1] }))).toBeUndefined();
    expect(nextPageTokenOf(page.parse({ results: [1], nextPageToken: '' }))).toBeUndefined();
    expect(nextPageTokenOf(page.parse({ results: [1], nextPageToken: 'n' }))).toBe('n');
  });
});
