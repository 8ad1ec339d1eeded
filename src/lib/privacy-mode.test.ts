import { describe, expect, it } from 'vitest';
import { maskContent, maskIdentifier, parsePrivacyMode } from './privacy-mode';

describe('maskIdentifier', () => {
  it('keeps the start and the end of a phone number', () => {
    expect(maskIdentifier('+31612345678')).toBe('+31•••••••78');
  });
  it('keeps the first letter and the domain of an email address', () => {
    expect(maskIdentifier('jane.doe@example.com')).toBe('j•••@example.com');
  });
  it('masks other identifiers but their ends', () => {
    expect(maskIdentifier('handle_name')).toBe('h••••••••e');
    expect(maskIdentifier('ab')).toBe('••');
  });
  it('never reveals the masked part', () => {
    expect(maskIdentifier('+31612345678')).not.toContain('612345');
  });
});

describe('maskContent', () => {
  it('hides everything', () => {
    expect(maskContent('Your code is 123456')).toBe('•••');
    expect(maskContent('')).toBe('');
    expect(maskContent('x'.repeat(1000))).toBe('••••••••••••');
  });
});

describe('parsePrivacyMode', () => {
  it('is on only when stored so', () => {
    expect(parsePrivacyMode('on')).toBe(true);
    expect(parsePrivacyMode('off')).toBe(false);
    expect(parsePrivacyMode('yes')).toBe(false);
    expect(parsePrivacyMode(null)).toBe(false);
  });
});
