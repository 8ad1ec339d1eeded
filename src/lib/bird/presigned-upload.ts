import { z } from '../zod';
import { httpUrlSchema, mimeTypeSchema } from './common';

/** E9/E10 (DOC by analogy with Conversations): presign, then POST the form with the file. */

export const presignRequestSchema = z.strictObject({ contentType: mimeTypeSchema });
export type PresignRequest = z.infer<typeof presignRequestSchema>;

/** The form fields to send before `file`, in order; extra fields are strings too. */
export const uploadFormDataSchema = z.catchall(
  z.object({
    key: z.string(),
    'Content-Type': z.string(),
    policy: z.string(),
    'x-amz-algorithm': z.string(),
    'x-amz-credential': z.string(),
    'x-amz-date': z.string(),
    'x-amz-signature': z.string(),
  }),
  z.string(),
);
export type UploadFormData = z.infer<typeof uploadFormDataSchema>;

export const presignedUploadSchema = z.object({
  mediaUrl: httpUrlSchema,
  uploadUrl: httpUrlSchema,
  uploadMethod: z.literal('POST'),
  uploadFormData: uploadFormDataSchema,
});
export type PresignedUpload = z.infer<typeof presignedUploadSchema>;

/** E10: the form field that carries the bytes; it must come last. */
export const UPLOAD_FILE_FIELD = 'file';

/** The policy document inside `uploadFormData.policy` (base64 JSON). */
export const uploadPolicySchema = z.object({
  expiration: z.string(),
  conditions: z.array(z.union([z.record(z.string(), z.string()), z.array(z.unknown())])),
});
export type UploadPolicy = z.infer<typeof uploadPolicySchema>;
