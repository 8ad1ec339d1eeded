import { z } from '../zod';
import { httpUrlSchema, uuidSchema } from './common';
import { objectFor } from './schema-mode';
import type { SchemaMode } from './schema-mode';

/** §3 `template` (DOC): a message from a stored template instead of a `body`. */

/** A BCP 47 language tag such as `en`, `en-US`, `pt-BR` (checked by `Intl`). */
export const localeSchema = z.string().check(
  z.refine(
    (value) => {
      try {
        return Intl.getCanonicalLocales(value).length === 1;
      } catch {
        return false;
      }
    },
    { error: 'must be a BCP 47 language tag like en-US' },
  ),
);

export const templateVersionSchema = z.string().check(
  z.refine((value) => value === 'latest' || uuidSchema.safeParse(value).success, {
    error: 'must be "latest" or a UUID',
  }),
);

function templateSchemaFor(mode: SchemaMode) {
  const obj = objectFor(mode);
  const request = mode === 'request';
  const key = request ? z.string().check(z.minLength(1)) : z.string();
  /**
   * A parameter's `value` follows its `type` (DEC: the contract lists the four types but
   * not the value shapes): string → string, number → number, boolean → boolean, object →
   * object.
   */
  const parameter = z.discriminatedUnion('type', [
    obj({ type: z.literal('string'), key, value: z.string() }),
    obj({ type: z.literal('number'), key, value: z.number() }),
    obj({ type: z.literal('boolean'), key, value: z.boolean() }),
    obj({ type: z.literal('object'), key, value: z.record(z.string(), z.unknown()) }),
  ]);
  const template = obj({
    projectId: request ? uuidSchema : z.string(),
    version: request ? templateVersionSchema : z.string(),
    locale: request ? localeSchema : z.string(),
    parameters: z.optional(z.array(parameter)),
    /** Variables by name (DEC: string values). */
    variables: z.optional(z.record(z.string(), z.string())),
    attachments: z.optional(
      z.array(obj({ mediaUrl: request ? httpUrlSchema : z.string(), filename: key })),
    ),
  });
  return { parameter, template };
}

const requestTemplate = templateSchemaFor('request');

export const templateParameterSchema = requestTemplate.parameter;
export type TemplateParameter = z.infer<typeof templateParameterSchema>;

/** The `template` of a send request. */
export const templateSchema = requestTemplate.template;
export type Template = z.infer<typeof templateSchema>;

/** The `template` of a message read back: same shape, lenient. */
export const templateResponseSchema = templateSchemaFor('response').template;
