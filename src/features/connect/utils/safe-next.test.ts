import { describe, expect, it } from 'vitest';
import { afterConnectPath, connectPathFor, safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query and hash', () => {
    expect(safeNextPath('/messages')).toBe('/messages');
    expect(safeNextPath('/messages?status=sent&status=delivered#top')).toBe(
      '/messages?status=sent&status=delivered#top',
    );
    expect(safeNextPath('/channels/c/messages/m')).toBe('/channels/c/messages/m');
  });

  it('rejects anything that could leave the origin', () => {
    for (const raw of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'messages',
      '/\t/evil.example',
      '/\n/evil.example',
    ]) {
      expect(safeNextPath(raw), raw).toBeNull();
    }
  });

  it('rejects empty values and the connect page itself', () => {
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath('')).toBeNull();
    expect(safeNextPath('/connect')).toBeNull();
    expect(safeNextPath('/connect?next=/x')).toBeNull();
  });

  it('normalises dot segments to a path on the same origin', () => {
    expect(safeNextPath('/a/../messages')).toBe('/messages');
    expect(safeNextPath('/../../x')).toBe('/x');
  });
});

describe('afterConnectPath', () => {
  it('falls back to /messages', () => {
    expect(afterConnectPath(null)).toBe('/messages');
    expect(afterConnectPath('https://evil.example')).toBe('/messages');
    expect(afterConnectPath('/compose')).toBe('/compose');
  });
});

describe('connectPathFor', () => {
  it('carries the current path as next', () => {
    expect(connectPathFor('/messages?status=sent')).toBe(
      '/connect?next=%2Fmessages%3Fstatus%3Dsent',
    );
    expect(connectPathFor('/compose')).toBe('/connect?next=%2Fcompose');
    expect(connectPathFor('/')).toBe('/connect');
    expect(connectPathFor('/messages')).toBe('/connect');
    expect(connectPathFor('/connect')).toBe('/connect');
  });
});
