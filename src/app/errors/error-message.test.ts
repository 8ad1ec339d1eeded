import { describe, expect, it } from 'vitest';
import { errorMessage, isModuleLoadError } from './error-message';

describe('errorMessage', () => {
  it("shows an Error's own message", () => {
    expect(errorMessage(new Error('The channel is not active.'))).toBe(
      'The channel is not active.',
    );
  });

  it('shows a thrown string as it is', () => {
    expect(errorMessage('No session')).toBe('No session');
  });

  it('falls back to a plain sentence for anything else', () => {
    expect(errorMessage(undefined)).toBe('An unexpected error occurred.');
    expect(errorMessage({ code: 42 })).toBe('An unexpected error occurred.');
    expect(errorMessage(new Error('  '))).toBe('An unexpected error occurred.');
  });
});

describe('isModuleLoadError', () => {
  it("recognises each browser's failed dynamic import", () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://127.0.0.1:8080/assets/media-1a2b.js',
      'error loading dynamically imported module: http://127.0.0.1:8080/assets/media-1a2b.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/media-1a2b.css',
    ]) {
      expect(isModuleLoadError(new TypeError(message))).toBe(true);
    }
  });

  it('leaves other errors alone', () => {
    expect(isModuleLoadError(new Error('Not found.'))).toBe(false);
    expect(isModuleLoadError('dynamically imported module')).toBe(false);
  });
});
