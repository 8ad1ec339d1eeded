import { describe, expect, it } from 'vitest';
import { MEDIA_LIMITS } from '@/lib/bird/decisions';
import { describeFit, joinNames, platformFit } from './platform-fit';

const MB = 1024 * 1024;

const fitting = (contentType: string, size: number) =>
  Object.fromEntries(platformFit(contentType, size).map((v) => [v.platform, v.fits]));

describe('platformFit', () => {
  it('a small image fits everywhere', () => {
    expect(fitting('image/png', 200 * 1024)).toEqual({ email: true, whatsapp: true, mms: true });
    expect(describeFit(platformFit('image/png', 200 * 1024))).toBe('Fits email, WhatsApp and MMS.');
  });

  it('uses the limits of the contract, inclusive', () => {
    expect(fitting('image/jpeg', MEDIA_LIMITS.mms.totalBytes)).toEqual({
      email: true,
      whatsapp: true,
      mms: true,
    });
    expect(fitting('image/jpeg', MEDIA_LIMITS.mms.totalBytes + 1)).toEqual({
      email: true,
      whatsapp: false,
      mms: false,
    });
  });

  it('an image over 5 MB fits email only', () => {
    const verdicts = platformFit('image/jpeg', 6 * MB);
    expect(describeFit(verdicts)).toBe('Fits email; too large for WhatsApp and MMS.');
    expect(verdicts).toContainEqual({
      platform: 'whatsapp',
      fits: false,
      why: 'too-large',
      limitBytes: 5 * MB,
    });
  });

  it('a video of 12 MB is too large for email and MMS, not for WhatsApp (16 MB)', () => {
    expect(describeFit(platformFit('video/mp4', 12 * MB))).toBe(
      'Fits WhatsApp; too large for email and MMS.',
    );
    expect(fitting('audio/mpeg', 16 * MB).whatsapp).toBe(true);
    expect(fitting('audio/mpeg', 16 * MB + 1).whatsapp).toBe(false);
  });

  it('documents never fit MMS, and WhatsApp takes them up to 100 MB', () => {
    expect(describeFit(platformFit('application/pdf', 2 * MB))).toBe(
      'Fits email and WhatsApp; MMS does not carry documents.',
    );
    expect(describeFit(platformFit('application/pdf', 50 * MB))).toBe(
      'Fits WhatsApp; too large for email; MMS does not carry documents.',
    );
    expect(fitting('application/zip', 100 * MB)).toEqual({
      email: false,
      whatsapp: true,
      mms: false,
    });
  });

  it('says so when nothing fits', () => {
    expect(describeFit(platformFit('video/mp4', 90 * MB))).toBe(
      'Too large for email, WhatsApp and MMS.',
    );
  });
});

describe('joinNames', () => {
  it('joins like a sentence', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['a'])).toBe('a');
    expect(joinNames(['a', 'b'])).toBe('a and b');
    expect(joinNames(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
