import { z } from 'zod';
import { PAGE_TOKEN_MAX_LENGTH } from './decisions';

/**
 * Query-string building blocks. A parsed query string holds `string | string[]` per name
 * (a repeated name gives an array). An empty value counts as absent (DEC).
 */

export type RawQuery = Readonly<Record<string, unknown>>;

function toSingle(value: unknown, ctx: z.core.$RefinementCtx): unknown {
  if (Array.isArray(value)) {
    const present: unknown[] = value.filter((v) => v !== '');
    if (present.length > 1) {
      ctx.addIssue({ code: 'custom', message: 'must be given only once' });
      return z.NEVER;
    }
    return present[0];
  }
  return value === '' ? undefined : value;
}

function toMany(value: unknown): unknown {
  if (value === undefined || value === '') return undefined;
  if (!Array.isArray(value)) return [value];
  const present: unknown[] = value.filter((v) => v !== '');
  return present.length === 0 ? undefined : present;
}

/** An optional single-valued query parameter. */
export function singleParam<T extends z.ZodType>(schema: T) {
  return z.preprocess(toSingle, schema.optional());
}

/** An optional parameter that may repeat; always an array when present. */
export function manyParam<T extends z.ZodType>(item: T) {
  return z.preprocess(toMany, z.array(item).optional());
}

/** `limit`: a whole number in range, else `must be an integer from min to max`. */
export function limitParam(range: { min: number; max: number; default: number }) {
  const message = `must be an integer from ${String(range.min)} to ${String(range.max)}`;
  return singleParam(
    z
      .string({ error: message })
      .refine((s) => /^[0-9]+$/.test(s) && Number(s) >= range.min && Number(s) <= range.max, {
        error: message,
      })
      .transform(Number),
  ).transform((limit) => limit ?? range.default);
}

/** `reverse`: `true` or `false` only; default `false`. */
export const reverseParam = singleParam(
  z.enum(['true', 'false'], { error: 'must be "true" or "false"' }),
).transform((value) => value === 'true');

/** `pageToken`: opaque, at most 8000 characters. */
export const pageTokenParam = singleParam(z.string().max(PAGE_TOKEN_MAX_LENGTH));
