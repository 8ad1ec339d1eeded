import { describe, expect, it } from 'vitest';
import { rewriteSandboxOrigin } from './origin';

describe('rewriteSandboxOrigin', () => {
  const base = 'http://127.0.0.1:4010/sandbox';

  it('rewrites the stored origin deeply and leaves everything else alone', () => {
    const input = {
      body: {
        type: 'image',
        image: { images: [{ mediaUrl: 'https://sandbox.invalid/workspaces/w/media/m' }] },
      },
      other: 'https://sandbox.invalid.example.com/x',
      count: 3,
    };
    const output = rewriteSandboxOrigin(input, base);
    expect(output.body.image.images[0]?.mediaUrl).toBe(`${base}/workspaces/w/media/m`);
    expect(output.other).toBe('https://sandbox.invalid.example.com/x');
    expect(input.body.image.images[0]?.mediaUrl).toBe(
      'https://sandbox.invalid/workspaces/w/media/m',
    );
  });

  it('returns the same object when nothing matches', () => {
    const input = { results: [{ a: 'b' }] };
    expect(rewriteSandboxOrigin(input, base)).toBe(input);
  });

  it('keeps a "__proto__" key as data', () => {
    const input = JSON.parse('{"__proto__":{"u":"https://sandbox.invalid/m"}}') as object;
    const output = rewriteSandboxOrigin(input, base);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({ u: `${base}/m` });
  });
});
