import { describe, expect, it } from 'vitest';
import { oppositeTheme, parseThemeChoice, resolveTheme } from './theme-store';

describe('theme choice', () => {
  it('follows the system setting until a theme is picked', () => {
    expect(resolveTheme(null, false)).toBe('light');
    expect(resolveTheme(null, true)).toBe('dark');
  });

  it('keeps a picked theme whatever the system says', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('ignores a stored value that is not a theme', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('system')).toBeNull();
    expect(parseThemeChoice('')).toBeNull();
    expect(parseThemeChoice(null)).toBeNull();
  });

  it('toggles to the other theme', () => {
    expect(oppositeTheme('light')).toBe('dark');
    expect(oppositeTheme('dark')).toBe('light');
  });
});
