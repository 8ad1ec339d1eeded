import { z } from '../zod';

/**
 * One description, two readings. `request`: what the API accepts — strict objects (an
 * unknown property is a 422) and every limit. `response`: what a client reads back —
 * unknown properties are dropped and send limits are not enforced, so a message Bird
 * stored with an extra field or a long incoming text never breaks a whole list page.
 */
export type SchemaMode = 'request' | 'response';

/** `z.strictObject` for requests, `z.object` for responses. */
export function objectFor(mode: SchemaMode) {
  return <S extends z.core.$ZodLooseShape>(shape: S) =>
    // Same input and output types either way; only the handling of unknown keys differs.
    (mode === 'request' ? z.strictObject(shape) : z.object(shape)) as z.ZodMiniObject<
      S,
      z.core.$strict
    >;
}
