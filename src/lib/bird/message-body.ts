import { z } from '../zod';
import { httpUrlSchema, mimeTypeSchema } from './common';
import { objectFor } from './schema-mode';
import type { SchemaMode } from './schema-mode';

/**
 * §3 Message bodies (DOC): `{ type, <type>: payload }`, the payload under the key that
 * names its type. Requests are strict (an unknown property is a 422) and limited; messages
 * read back use the lenient reading of the same description (see schema-mode.ts).
 */

export const TEXT_MAX_LENGTH = 4096;
export const BODY_LIMITS = {
  text: { min: 1, max: TEXT_MAX_LENGTH },
  images: { min: 1, max: 10 },
  files: { min: 1, max: 10 },
  carouselItems: { min: 2, max: 10 },
  /** §3 says `items[]`; a list needs at least one item (DEC). */
  listItems: { min: 1 },
  latitude: { min: -90, max: 90 },
  longitude: { min: -180, max: 180 },
} as const;

export const BODY_TYPES = [
  'text',
  'html',
  'image',
  'file',
  'gif',
  'location',
  'carousel',
  'list',
] as const;
export const bodyTypeSchema = z.enum(BODY_TYPES);
export type BodyType = z.infer<typeof bodyTypeSchema>;

export const HTML_NEEDS_CONTENT_MESSAGE = 'must have html or text';

function bodySchemas(mode: SchemaMode) {
  const obj = objectFor(mode);
  const request = mode === 'request';
  const nonEmpty = request ? z.string().check(z.minLength(1)) : z.string();
  const url = request ? httpUrlSchema : z.string();
  const sized = <T extends z.ZodMiniArray>(list: T, range: { min: number; max?: number }) =>
    request
      ? list.check(z.minLength(range.min), z.maxLength(range.max ?? Number.MAX_SAFE_INTEGER))
      : list;
  const between = (range: { min: number; max: number }) =>
    request ? z.number().check(z.gte(range.min), z.lte(range.max)) : z.number();

  const attachment = obj({ mediaUrl: url, filename: nonEmpty });
  const htmlAttachment = obj({
    mediaUrl: url,
    filename: nonEmpty,
    inline: z.optional(z.boolean()),
  });

  /**
   * Buttons on carousel and list items. The contract names `actions?` without a shape;
   * Perch uses Bird's `{ type, <type>: payload }` pattern for links, replies and postbacks
   * (DEC).
   */
  const action = z.discriminatedUnion('type', [
    obj({ type: z.literal('link'), link: obj({ text: nonEmpty, url }) }),
    obj({
      type: z.literal('reply'),
      reply: obj({ text: nonEmpty, metadata: z.optional(z.record(z.string(), z.string())) }),
    }),
    obj({ type: z.literal('postback'), postback: obj({ text: nonEmpty, payload: z.string() }) }),
  ]);

  const text = obj({
    text: request
      ? z.string().check(z.minLength(BODY_LIMITS.text.min), z.maxLength(BODY_LIMITS.text.max))
      : z.string(),
    attachments: z.optional(z.array(attachment)),
    metadata: z.optional(obj({ subject: z.string() })),
  });

  const html = obj({
    html: z.optional(z.string()),
    text: z.optional(z.string()),
    metadata: z.optional(
      obj({
        subject: z.string(),
        emailFrom: z.optional(obj({ username: nonEmpty, displayName: z.string() })),
      }),
    ),
    attachments: z.optional(z.array(htmlAttachment)),
  }).check(
    z.refine((p) => Boolean(p.html) || Boolean(p.text), { error: HTML_NEEDS_CONTENT_MESSAGE }),
  );

  const image = obj({
    images: sized(
      z.array(obj({ mediaUrl: url, altText: z.optional(z.string()) })),
      BODY_LIMITS.images,
    ),
    text: z.optional(z.string()),
  });

  const file = obj({
    files: sized(
      z.array(
        obj({
          mediaUrl: url,
          contentType: request ? mimeTypeSchema : z.string(),
          filename: z.optional(z.string()),
        }),
      ),
      BODY_LIMITS.files,
    ),
    text: z.optional(z.string()),
  });

  const gif = obj({
    mediaUrl: url,
    text: z.optional(z.string()),
    altText: z.optional(z.string()),
  });

  const location = obj({
    coordinates: obj({
      latitude: between(BODY_LIMITS.latitude),
      longitude: between(BODY_LIMITS.longitude),
    }),
    location: z.optional(obj({ address: z.string(), label: z.string() })),
  });

  const carousel = obj({
    items: sized(
      z.array(
        obj({
          title: nonEmpty,
          description: z.optional(z.string()),
          mediaUrl: z.optional(url),
          actions: z.optional(z.array(action)),
        }),
      ),
      BODY_LIMITS.carouselItems,
    ),
    text: z.optional(z.string()),
  });

  const list = obj({
    text: nonEmpty,
    title: z.optional(z.string()),
    items: sized(
      z.array(
        obj({
          title: nonEmpty,
          description: z.optional(z.string()),
          actions: z.optional(z.array(action)),
        }),
      ),
      BODY_LIMITS.listItems,
    ),
  });

  const body = z.discriminatedUnion('type', [
    obj({ type: z.literal('text'), text }),
    obj({ type: z.literal('html'), html }),
    obj({ type: z.literal('image'), image }),
    obj({ type: z.literal('file'), file }),
    obj({ type: z.literal('gif'), gif }),
    obj({ type: z.literal('location'), location }),
    obj({ type: z.literal('carousel'), carousel }),
    obj({ type: z.literal('list'), list }),
  ]);

  return { attachment, action, text, html, image, file, gif, location, carousel, list, body };
}

const requestBodies = bodySchemas('request');
const responseBodies = bodySchemas('response');

/** The body of a send request: `type` picks the variant, its payload sits under that key. */
export const messageBodySchema = requestBodies.body;
/** The body of a message read back (E3, E5–E7): same shapes, lenient. */
export const messageBodyResponseSchema = responseBodies.body;

export const attachmentSchema = requestBodies.attachment;
export const actionSchema = requestBodies.action;
export const textPayloadSchema = requestBodies.text;
export const htmlPayloadSchema = requestBodies.html;
export const imagePayloadSchema = requestBodies.image;
export const filePayloadSchema = requestBodies.file;
export const gifPayloadSchema = requestBodies.gif;
export const locationPayloadSchema = requestBodies.location;
export const carouselPayloadSchema = requestBodies.carousel;
export const listPayloadSchema = requestBodies.list;

export type MessageBody = z.infer<typeof messageBodySchema>;
export type MessageBodyOf<T extends BodyType> = Extract<MessageBody, { type: T }>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type Action = z.infer<typeof actionSchema>;
export type TextPayload = z.infer<typeof textPayloadSchema>;
export type HtmlPayload = z.infer<typeof htmlPayloadSchema>;
export type ImagePayload = z.infer<typeof imagePayloadSchema>;
export type FilePayload = z.infer<typeof filePayloadSchema>;
export type GifPayload = z.infer<typeof gifPayloadSchema>;
export type LocationPayload = z.infer<typeof locationPayloadSchema>;
export type CarouselPayload = z.infer<typeof carouselPayloadSchema>;
export type ListPayload = z.infer<typeof listPayloadSchema>;
