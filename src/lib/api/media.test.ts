import { describe, expect, it } from 'vitest';
import { toPerchMediaPath } from './media';

const bird = ['https://media.api.bird.com'];
const sandbox = ['http://127.0.0.1:4173/sandbox'];
const path = 'workspaces/w/channels/c/media/m';

describe('toPerchMediaPath', () => {
  it('maps a Bird media URL to /media', () => {
    expect(toPerchMediaPath(`https://media.api.bird.com/${path}`, bird)).toBe(`/media/${path}`);
  });

  it('maps a URL below a base with a path prefix, keeping the query', () => {
    expect(toPerchMediaPath(`http://127.0.0.1:4173/sandbox/${path}?v=1`, sandbox)).toBe(
      `/media/${path}?v=1`,
    );
    expect(
      toPerchMediaPath(`http://127.0.0.1:4173/sandbox/${path}`, ['http://127.0.0.1:4173/sandbox/']),
    ).toBe(`/media/${path}`);
  });

  it('tries every base', () => {
    expect(toPerchMediaPath(`http://127.0.0.1:4173/sandbox/${path}`, [...bird, ...sandbox])).toBe(
      `/media/${path}`,
    );
  });

  it('returns null for foreign URLs', () => {
    expect(toPerchMediaPath(`https://evil.example/${path}`, bird)).toBeNull();
    expect(toPerchMediaPath(`http://media.api.bird.com/${path}`, bird)).toBeNull();
    expect(toPerchMediaPath(`https://media.api.bird.com.evil.example/${path}`, bird)).toBeNull();
    expect(toPerchMediaPath(`https://media.api.bird.com:8443/${path}`, bird)).toBeNull();
    expect(toPerchMediaPath(`https://user:pw@media.api.bird.com/${path}`, bird)).toBeNull();
  });

  it('matches the path prefix on whole segments only', () => {
    expect(toPerchMediaPath(`http://127.0.0.1:4173/sandboxy/${path}`, sandbox)).toBeNull();
    expect(toPerchMediaPath('http://127.0.0.1:4173/sandbox', sandbox)).toBeNull();
    expect(toPerchMediaPath('http://127.0.0.1:4173/sandbox/', sandbox)).toBeNull();
  });

  it('does not let dot segments escape the base', () => {
    expect(toPerchMediaPath(`http://127.0.0.1:4173/sandbox/../${path}`, sandbox)).toBeNull();
  });

  it('returns null for what is not an http(s) URL', () => {
    expect(toPerchMediaPath('not a url', bird)).toBeNull();
    expect(toPerchMediaPath('/media/x', bird)).toBeNull();
    expect(toPerchMediaPath('data:image/png;base64,AAAA', bird)).toBeNull();
    expect(toPerchMediaPath('javascript:alert(1)', ['javascript:'])).toBeNull();
    expect(toPerchMediaPath(`https://media.api.bird.com/${path}`, [])).toBeNull();
    expect(toPerchMediaPath(`https://media.api.bird.com/${path}`, ['::'])).toBeNull();
  });
});
