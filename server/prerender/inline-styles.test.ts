import { describe, expect, it } from 'vitest';
import { moveInlineStyles, withStyleNonce } from './inline-styles';

describe('moveInlineStyles', () => {
  it('turns style attributes into shared rules', () => {
    const moved = moveInlineStyles(
      '<div style="transform:translateY(40px);height:40px"><i style="width:170px"></i><i style="width:170px"></i></div>',
    );
    expect(moved?.html).toBe(
      '<div data-server-style="0"><i data-server-style="1"></i><i data-server-style="1"></i></div>',
    );
    expect(moved?.css).toBe(
      '#root [data-server-style="0"]{transform:translateY(40px);height:40px}\n#root [data-server-style="1"]{width:170px}',
    );
  });

  it('refuses anything but the sizes and offsets Perch writes', () => {
    for (const value of [
      'background:url(https://evil.example/x.png)',
      'width:10px;color:red',
      'width:calc(100% - 1px)',
      'width:1px}body{display:none',
      'transform:translateY(1px) rotate(1deg)',
      'background:var(--x) url(https://evil.example/x.png)',
      'background:url(var(--x))',
    ]) {
      expect(moveInlineStyles(`<p style="${value}"></p>`)).toBeUndefined();
    }
  });

  it('lets theme colours through', () => {
    expect(moveInlineStyles('<i style="background:var(--color-accent)"></i>')?.css).toBe(
      '#root [data-server-style="0"]{background:var(--color-accent)}',
    );
  });

  it('leaves markup without styles as it is', () => {
    expect(moveInlineStyles('<p>style="width:1px"</p>')).toEqual({
      html: '<p>style="width:1px"</p>',
      css: '',
    });
  });
});

describe('withStyleNonce', () => {
  const policy = "default-src 'self';script-src 'self';style-src 'self';img-src 'self'";
  it('allows the nonce for stylesheets only', () => {
    expect(withStyleNonce(policy, 'abc')).toBe(
      "default-src 'self';script-src 'self';style-src 'self' 'nonce-abc';img-src 'self'",
    );
  });
  it('loosens nothing it does not recognise', () => {
    expect(withStyleNonce(undefined, 'abc')).toBeUndefined();
    expect(withStyleNonce("default-src 'self'", 'abc')).toBeUndefined();
    expect(withStyleNonce("style-src 'self' 'unsafe-inline'", 'abc')).toBeUndefined();
  });
});
