import { describe, expect, it } from 'vitest';
import { partCount, smsPartCount } from './parts';

describe('smsPartCount', () => {
  it('fits 160 GSM characters in one part and 153 per part after that', () => {
    expect(smsPartCount('a'.repeat(160))).toBe(1);
    expect(smsPartCount('a'.repeat(161))).toBe(2);
    expect(smsPartCount('a'.repeat(306))).toBe(2);
    expect(smsPartCount('a'.repeat(307))).toBe(3);
  });

  it('counts extension characters twice', () => {
    expect(smsPartCount('€'.repeat(80))).toBe(1);
    expect(smsPartCount('€'.repeat(81))).toBe(2);
  });

  it('falls back to UCS-2 for other characters', () => {
    expect(smsPartCount('ж'.repeat(70))).toBe(1);
    expect(smsPartCount('ж'.repeat(71))).toBe(2);
  });

  it('sends one part on other platforms', () => {
    expect(partCount('whatsapp', { type: 'text', text: { text: 'a'.repeat(500) } })).toBe(1);
    expect(partCount('sms-messagebird', { type: 'text', text: { text: 'a'.repeat(500) } })).toBe(4);
  });
});
