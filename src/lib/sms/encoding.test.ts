import { describe, expect, it } from 'vitest';
import { countSms, gsm7Septets, replaceWithGsm7 } from './encoding';

describe('countSms', () => {
  it('is empty for no text', () => {
    expect(countSms('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 0 });
  });

  it('fits 160 GSM-7 characters in one segment and splits 161 into 153-septet parts', () => {
    expect(countSms('a'.repeat(160))).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
      remaining: 0,
    });
    expect(countSms('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(countSms('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSms('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters twice', () => {
    expect(gsm7Septets('€')).toBe(2);
    expect(gsm7Septets('{')).toBe(2);
    expect(countSms('€')).toMatchObject({ encoding: 'GSM-7', characters: 1, units: 2 });
    expect(countSms('€'.repeat(80))).toMatchObject({ units: 160, segments: 1 });
    expect(countSms('a' + '€'.repeat(80))).toMatchObject({ units: 161, segments: 2 });
  });

  it('never splits an escape pair across segments', () => {
    // 152 basic septets, then an extension character: it moves whole to the second part.
    const text = 'a'.repeat(152) + '[' + 'a'.repeat(10);
    expect(countSms(text)).toMatchObject({ units: 164, segments: 2, remaining: 153 - 12 });
  });

  it('switches to UCS-2 for an emoji, 70/67 units, counting surrogate pairs as two', () => {
    const count = countSms('Hi 👋');
    expect(count).toMatchObject({ encoding: 'UCS-2', characters: 4, units: 5, segments: 1 });
    expect(count.unicodeChars).toEqual([{ char: '👋', replacement: undefined }]);
    expect(countSms('a'.repeat(70) + 'é')).toMatchObject({ segments: 1 }); // é is GSM-7
    expect(countSms('ж'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSms('ж'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countSms('ж'.repeat(134))).toMatchObject({ segments: 2, remaining: 0 });
  });

  it('keeps a surrogate pair whole when splitting', () => {
    const text = 'ж'.repeat(66) + '😀' + 'ж'.repeat(10);
    expect(countSms(text)).toMatchObject({ units: 78, segments: 2, remaining: 67 - 12 });
  });

  it('lists the characters that force UCS-2 with their look-alikes', () => {
    const count = countSms('It’s “fine” – ok');
    expect(count.encoding).toBe('UCS-2');
    expect(count.unicodeChars.map((c) => [c.char, c.replacement])).toEqual([
      ['’', "'"],
      ['“', '"'],
      ['”', '"'],
      ['–', '-'],
    ]);
    expect(countSms(replaceWithGsm7('It’s “fine” – ok')).encoding).toBe('GSM-7');
    expect(replaceWithGsm7('“a” ’', '’')).toBe("“a” '");
  });
});
