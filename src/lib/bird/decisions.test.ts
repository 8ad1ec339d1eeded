import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ERROR_MESSAGE,
  ERROR_CODES,
  ERROR_CODE_BY_STATUS,
  IDENTIFIER_RULES,
  MAGIC_RECIPIENTS,
  MAX_SCHEDULE_AHEAD_MS,
  MAX_UPLOAD_BYTES,
  MESSAGE_LIST_PARAM_NAMES,
  TAG_RULES,
  findMagicRecipient,
  magicOutcomeFor,
} from './decisions';

describe('error codes', () => {
  it('names every status Perch answers with, each with a default message', () => {
    expect(ERROR_CODE_BY_STATUS[422]).toBe('InvalidPayload');
    expect(ERROR_CODE_BY_STATUS[429]).toBe('TooManyRequests');
    for (const code of ERROR_CODES) expect(DEFAULT_ERROR_MESSAGE[code]).not.toBe('');
    expect(DEFAULT_ERROR_MESSAGE.InvalidPayload).toBe(
      'One or more fields provided in the request body are malformed',
    );
  });
});

describe('limits', () => {
  it('holds the contract numbers', () => {
    expect(MAX_UPLOAD_BYTES).toBe(104_857_600);
    expect(MAX_SCHEDULE_AHEAD_MS).toBe(35 * 86_400_000);
    expect(TAG_RULES.pattern.test('Black Friday_2026-x')).toBe(true);
    expect(TAG_RULES.pattern.test('émoji')).toBe(false);
    expect(IDENTIFIER_RULES['sms-messagebird']?.identifierKey).toBe('phonenumber');
    expect(IDENTIFIER_RULES['email-messagebird']?.identifierKey).toBe('emailaddress');
    expect(MESSAGE_LIST_PARAM_NAMES).toContain('channelId');
  });
});

describe('magic recipients (§5)', () => {
  it.each([
    ['+31612349990', 'unknown-subscriber'],
    ['+31612349991', 'unsupported-destination'],
    ['+31612349992', 'no-delivery-report'],
    ['+31612349993', 'reply-text'],
    ['+31612349994', 'reply-image'],
    ['+31612340000', 'delivered'],
    ['+31612348999', 'delivered'],
    ['+31612349999', 'delivered'],
    ['bounce@example.com', 'bounce'],
    ['Click@example.com', 'click'],
    ['spam@example.org', 'spam'],
    ['ann@example.com', 'delivered'],
    ['nobounce@example.com', 'delivered'],
  ])('%s → %s', (identifier, outcome) => {
    expect(magicOutcomeFor(identifier, 'sms-messagebird')).toBe(outcome);
  });

  it('applies 9995 (read and reaction) on WhatsApp only', () => {
    expect(magicOutcomeFor('+31612349995', 'whatsapp')).toBe('read-and-reaction');
    expect(magicOutcomeFor('+31612349995', 'sms-messagebird')).toBe('delivered');
  });

  it('carries the status, details and failure code the sandbox applies', () => {
    expect(findMagicRecipient('+31612349990')).toMatchObject({
      finalStatus: 'delivery_failed',
      details: 'unknown_subscriber',
      failureCode: 15005,
    });
    expect(findMagicRecipient('+31612349991')).toMatchObject({
      finalStatus: 'sending_failed',
      failureCode: 12003,
    });
    expect(findMagicRecipient('bounce@example.com')).toMatchObject({
      finalStatus: 'delivery_failed',
      details: 'bounceHard',
    });
    for (const row of MAGIC_RECIPIENTS) expect(row.hint).not.toBe('');
  });
});
