import { describe, expect, it } from 'vitest';
import { z } from './zod';

// Nothing in this file loads classic zod, which would set English messages by itself.
describe('Perch zod (zod/mini)', () => {
  it('says what is wrong in English, as classic zod does', () => {
    const result = z.safeParse(z.object({ name: z.string(), tags: z.array(z.string()) }), {
      tags: ['a', 1],
    });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Invalid input: expected string, received undefined',
      'Invalid input: expected string, received number',
    ]);
  });

  it('names the limit a check was given', () => {
    const result = z.string().check(z.minLength(3)).safeParse('ab');
    expect(result.error?.issues[0]?.message).toBe(
      'Too small: expected string to have >=3 characters',
    );
  });
});
