import { describe, expect, it } from 'vitest';
import { splitTextLinks } from './text-links';

describe('splitTextLinks', () => {
  it('picks out http(s) addresses, leaving trailing punctuation as text', () => {
    expect(splitTextLinks('See https://example.com/a?b=1, or http://x.test.')).toEqual([
      { kind: 'text', value: 'See ' },
      { kind: 'link', value: 'https://example.com/a?b=1' },
      { kind: 'text', value: ', or ' },
      { kind: 'link', value: 'http://x.test' },
      { kind: 'text', value: '.' },
    ]);
  });

  it('never makes a link of other schemes', () => {
    expect(splitTextLinks('javascript:alert(1) data:text/html,x')).toEqual([
      { kind: 'text', value: 'javascript:alert(1) data:text/html,x' },
    ]);
  });

  it('stops a link at quotes and angle brackets', () => {
    expect(splitTextLinks('<a href="https://a.test/x">')).toEqual([
      { kind: 'text', value: '<a href="' },
      { kind: 'link', value: 'https://a.test/x' },
      { kind: 'text', value: '">' },
    ]);
  });
});
