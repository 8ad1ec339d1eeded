import { z } from '../zod';
import { TAG_RULES } from './decisions';

/**
 * Tags (§3 Send body, DOC), on their own: the message list filters by one, and the send
 * body carries them.
 */

/** One tag: 1–50 of `[a-zA-Z0-9-_ ]`, lower-cased on the way in. */
export const tagSchema = z.pipe(
  z.string().check(
    z.minLength(TAG_RULES.minLength, { abort: true }),
    z.maxLength(TAG_RULES.maxLength),
    z.regex(TAG_RULES.pattern, {
      error: 'may contain only letters, digits, "-", "_" and spaces',
    }),
  ),
  z.transform((tag: string) => tag.toLowerCase()),
);

export const tagsSchema = z.array(tagSchema).check(z.maxLength(TAG_RULES.maxCount));
