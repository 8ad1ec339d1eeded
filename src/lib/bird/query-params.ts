import { z } from '../zod';
import { PAGE_TOKEN_MAX_LENGTH } from './decisions';

/**
 * Query-string building blocks. A parsed query string holds `string | string[]` per name
 * (a repeated name gives an array). An empty value counts as absent (DEC).
 */

export type RawQuery = Readonly<Record<string, unknown>>;

function toSingle(value: unknown, payload: z.core.ParsePayload): unknown {
  if (Array.isArray(value)) {
    const present: unknown[] = value.filter((v) => v !== '');
    if (present.length > 1) {
      payload.issues.push({ code: 'custom', message: 'must be given only once', input: value });
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
export function singleParam<T extends z.core.SomeType>(schema: T) {
  return z.pipe(z.transform(toSingle), z.optional(schema));
}

/** An optional parameter that may repeat; always an array when present. */
export function manyParam<T extends z.core.SomeType>(item: T) {
  return z.pipe(z.transform(toMany), z.optional(z.array(item)));
}

/** `limit`: a whole number in range, else `must be an integer from min to max`. */
export function limitParam(range: { min: number; max: number; default: number }) {
  const message = `must be an integer from ${String(range.min)} to ${String(range.max)}`;
  const limit = z.string({ error: message }).check(
    z.refine((s) => /^[0-9]+$/.test(s) && Number(s) >= range.min && Number(s) <= range.max, {
      error: message,
    }),
  );
  return z.pipe(
    singleParam(z.pipe(limit, z.transform(Number))),
    z.transform((value: number | undefined) => value ?? range.default),
  );
}

/** `reverse`: `true` or `false` only; default `false`. */
export const reverseParam = z.pipe(
  singleParam(z.enum(['true', 'false'], { error: 'must be "true" or "false"' })),
  z.transform((value: 'true' | 'false' | undefined) => value === 'true'),
);

/** `pageToken`: opaque, at most 8000 characters. */
export const pageTokenParam = singleParam(z.string().check(z.maxLength(PAGE_TOKEN_MAX_LENGTH)));
