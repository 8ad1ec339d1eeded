import { describe, expect, it } from 'vitest';
import { parseCompareArgs } from './compare-builds';

describe('npm run bench:compare arguments', () => {
  it('takes a revision, with 20 visits and 4 scrolls unless told', () => {
    expect(parseCompareArgs(['HEAD~1'])).toEqual({ revision: 'HEAD~1', visits: 20, scrolls: 4 });
    expect(parseCompareArgs(['--scrolls', '0', 'main', '--visits', '30'])).toEqual({
      revision: 'main',
      visits: 30,
      scrolls: 0,
    });
  });

  it('refuses a missing revision, a second one, unknown options and bad counts', () => {
    expect(() => parseCompareArgs([])).toThrow(/usage: npm run bench:compare/);
    expect(() => parseCompareArgs(['a', 'b'])).toThrow(/unexpected "b"/);
    expect(() => parseCompareArgs(['a', '--fast'])).toThrow(/unexpected "--fast"/);
    expect(() => parseCompareArgs(['a', '--visits'])).toThrow(/--visits takes a whole number/);
    expect(() => parseCompareArgs(['a', '--scrolls', '-1'])).toThrow(/from 0 to 200/);
    expect(() => parseCompareArgs(['a', '--visits', '2.5'])).toThrow(/whole number/);
  });
});
