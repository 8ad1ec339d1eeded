import { z } from 'zod';
import { httpUrlSchema, mimeTypeSchema } from './common';

/**
 * §3 Message bodies (DOC): `{ type, <type>: payload }`, the payload under the key that
 * names its type. Every object is strict: an unknown property is a 422.
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

const nonEmpty = z.string().min(1);

export const attachmentSchema = z.strictObject({ mediaUrl: httpUrlSchema, filename: nonEmpty });
export type Attachment = z.infer<typeof attachmentSchema>;

export const htmlAttachmentSchema = z.strictObject({
  mediaUrl: httpUrlSchema,
  filename: nonEmpty,
  inline: z.boolean().optional(),
});

/**
 * Buttons on carousel and list items. The contract names `actions?` without a shape; Perch
 * uses Bird's `{ type, <type>: payload }` pattern for links, replies and postbacks (DEC).
 */
export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('link'),
    link: z.strictObject({ text: nonEmpty, url: httpUrlSchema }),
  }),
  z.strictObject({
    type: z.literal('reply'),
    reply: z.strictObject({
      text: nonEmpty,
      metadata: z.record(z.string(), z.string()).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('postback'),
    postback: z.strictObject({ text: nonEmpty, payload: z.string() }),
  }),
]);
export type Action = z.infer<typeof actionSchema>;

export const textPayloadSchema = z.strictObject({
  text: z.string().min(BODY_LIMITS.text.min).max(BODY_LIMITS.text.max),
  attachments: z.array(attachmentSchema).optional(),
  metadata: z.strictObject({ subject: z.string() }).optional(),
});

export const htmlPayloadSchema = z
  .strictObject({
    html: z.string().optional(),
    text: z.string().optional(),
    metadata: z
      .strictObject({
        subject: z.string(),
        emailFrom: z.strictObject({ username: nonEmpty, displayName: z.string() }).optional(),
      })
      .optional(),
    attachments: z.array(htmlAttachmentSchema).optional(),
  })
  .refine((p) => Boolean(p.html) || Boolean(p.text), { error: 'must have html or text' });

export const imagePayloadSchema = z.strictObject({
  images: z
    .array(z.strictObject({ mediaUrl: httpUrlSchema, altText: z.string().optional() }))
    .min(BODY_LIMITS.images.min)
    .max(BODY_LIMITS.images.max),
  text: z.string().optional(),
});

export const filePayloadSchema = z.strictObject({
  files: z
    .array(
      z.strictObject({
        mediaUrl: httpUrlSchema,
        contentType: mimeTypeSchema,
        filename: z.string().optional(),
      }),
    )
    .min(BODY_LIMITS.files.min)
    .max(BODY_LIMITS.files.max),
  text: z.string().optional(),
});

export const gifPayloadSchema = z.strictObject({
  mediaUrl: httpUrlSchema,
  text: z.string().optional(),
  altText: z.string().optional(),
});

export const locationPayloadSchema = z.strictObject({
  coordinates: z.strictObject({
    latitude: z.number().min(BODY_LIMITS.latitude.min).max(BODY_LIMITS.latitude.max),
    longitude: z.number().min(BODY_LIMITS.longitude.min).max(BODY_LIMITS.longitude.max),
  }),
  location: z.strictObject({ address: z.string(), label: z.string() }).optional(),
});

export const carouselPayloadSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        title: nonEmpty,
        description: z.string().optional(),
        mediaUrl: httpUrlSchema.optional(),
        actions: z.array(actionSchema).optional(),
      }),
    )
    .min(BODY_LIMITS.carouselItems.min)
    .max(BODY_LIMITS.carouselItems.max),
  text: z.string().optional(),
});

export const listPayloadSchema = z.strictObject({
  text: nonEmpty,
  title: z.string().optional(),
  items: z
    .array(
      z.strictObject({
        title: nonEmpty,
        description: z.string().optional(),
        actions: z.array(actionSchema).optional(),
      }),
    )
    .min(BODY_LIMITS.listItems.min),
});

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

/** The body: `type` picks the variant, and its payload must sit under the key of that name. */
export const messageBodySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: textPayloadSchema }),
  z.strictObject({ type: z.literal('html'), html: htmlPayloadSchema }),
  z.strictObject({ type: z.literal('image'), image: imagePayloadSchema }),
  z.strictObject({ type: z.literal('file'), file: filePayloadSchema }),
  z.strictObject({ type: z.literal('gif'), gif: gifPayloadSchema }),
  z.strictObject({ type: z.literal('location'), location: locationPayloadSchema }),
  z.strictObject({ type: z.literal('carousel'), carousel: carouselPayloadSchema }),
  z.strictObject({ type: z.literal('list'), list: listPayloadSchema }),
]);
export type MessageBody = z.infer<typeof messageBodySchema>;
export type MessageBodyOf<T extends BodyType> = Extract<MessageBody, { type: T }>;
export type TextPayload = z.infer<typeof textPayloadSchema>;
export type HtmlPayload = z.infer<typeof htmlPayloadSchema>;
export type ImagePayload = z.infer<typeof imagePayloadSchema>;
export type FilePayload = z.infer<typeof filePayloadSchema>;
export type GifPayload = z.infer<typeof gifPayloadSchema>;
export type LocationPayload = z.infer<typeof locationPayloadSchema>;
export type CarouselPayload = z.infer<typeof carouselPayloadSchema>;
export type ListPayload = z.infer<typeof listPayloadSchema>;
