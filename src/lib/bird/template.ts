import { z } from 'zod';
import { uuidSchema } from './common';
import { attachmentSchema } from './message-body';

/** §3 `template` (DOC): a message from a stored template instead of a `body`. */

/** A BCP 47 language tag such as `en`, `en-US`, `pt-BR` (checked by `Intl`). */
export const localeSchema = z.string().refine(
  (value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'must be a BCP 47 language tag like en-US' },
);

/**
 * A parameter's `value` follows its `type` (DEC: the contract lists the four types but not
 * the value shapes): string → string, number → number, boolean → boolean, object → object.
 */
export const templateParameterSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('string'), key: z.string().min(1), value: z.string() }),
  z.strictObject({ type: z.literal('number'), key: z.string().min(1), value: z.number() }),
  z.strictObject({ type: z.literal('boolean'), key: z.string().min(1), value: z.boolean() }),
  z.strictObject({
    type: z.literal('object'),
    key: z.string().min(1),
    value: z.record(z.string(), z.unknown()),
  }),
]);
export type TemplateParameter = z.infer<typeof templateParameterSchema>;

export const templateVersionSchema = z
  .string()
  .refine((value) => value === 'latest' || uuidSchema.safeParse(value).success, {
    error: 'must be "latest" or a UUID',
  });

export const templateSchema = z.strictObject({
  projectId: uuidSchema,
  version: templateVersionSchema,
  locale: localeSchema,
  parameters: z.array(templateParameterSchema).optional(),
  /** Variables by name (DEC: string values). */
  variables: z.record(z.string(), z.string()).optional(),
  attachments: z.array(attachmentSchema).optional(),
});
export type Template = z.infer<typeof templateSchema>;
