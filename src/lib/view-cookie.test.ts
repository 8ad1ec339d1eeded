import { describe, expect, it } from 'vitest';
import {
  MAX_COOKIE_VALUE_LENGTH,
  cookieValueFor,
  parseViewCookie,
  serializeView,
  viewPreference,
  type View,
} from './view-cookie';

const view: View = {
  zone: 'America/St_Johns',
  theme: 'dark',
  prefs: { 'perch.privacy': 'on', 'perch.messages.columnSizes': '{"to":200}' },
};

describe('the perch-view cookie', () => {
  it('reads back what the browser wrote (the server gets it decoded)', () => {
    expect(parseViewCookie(decodeURIComponent(serializeView(view)))).toEqual(view);
    expect(viewPreference(view, 'perch.privacy')).toBe('on');
    expect(viewPreference(view, 'perch.timeZone')).toBeNull();
  });

  it('keeps only the preferences it carries', () => {
    const parsed = parseViewCookie(
      JSON.stringify({ ...view, prefs: { ...view.prefs, 'perch.messages.views': '[]' } }),
    );
    expect(parsed?.prefs).toEqual(view.prefs);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['not JSON', '{zone'],
    ['without a theme', JSON.stringify({ zone: 'UTC', prefs: {} })],
    ['with a zone that is none', JSON.stringify({ ...view, zone: 'Mars/Olympus' })],
    [
      'with a value too long',
      JSON.stringify({ ...view, prefs: { 'perch.privacy': 'x'.repeat(1001) } }),
    ],
  ])('is not understood when %s', (_case, value) => {
    expect(parseViewCookie(value)).toBeUndefined();
  });
});

describe('cookieValueFor', () => {
  it('is the whole view when it fits', () => {
    expect(cookieValueFor(view)).toBe(serializeView(view));
  });

  it('gives up the column choices, never privacy mode or the time zone, to fit', () => {
    const long = JSON.stringify(
      Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`c${String(i)}`, 100])),
    );
    const crowded: View = {
      ...view,
      prefs: {
        'perch.privacy': 'on',
        'perch.timeZone': 'utc',
        'perch.messages.columns': long.slice(0, 1000),
        'perch.messages.columnSizes': long.slice(0, 1000),
      },
    };
    const value = cookieValueFor(crowded);
    expect(value.length).toBeLessThanOrEqual(MAX_COOKIE_VALUE_LENGTH);
    const parsed = parseViewCookie(decodeURIComponent(value));
    expect(parsed?.prefs['perch.privacy']).toBe('on');
    expect(parsed?.prefs['perch.timeZone']).toBe('utc');
    expect(parsed?.prefs['perch.messages.columnSizes']).toBeUndefined();
  });
});
