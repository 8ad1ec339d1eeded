import { z } from '@/lib/zod';
import { MAX_UPLOAD_BYTES } from '@/lib/bird/decisions';
import { presignedUploadSchema } from '@/lib/bird/presigned-upload';

/**
 * How the browser uploads a file (E9 + E10) without ever talking to a foreign origin.
 *
 * 1. `POST /api/workspaces/{ws}/channels/{ch}/presigned-upload` (or the `channel-media`
 *    alias) passes through to the upstream like any other call. When the upstream answers
 *    200, Perch's server remembers that answer's `uploadUrl` for this session (for
 *    {@link UPLOAD_TARGET_TTL_MS}) and adds ONE field to the JSON: `perchUploadPath`, e.g.
 *    `/upload/3q2-7wAAAAB1bmtub3duAA`. Nothing else in the answer changes: `uploadUrl`,
 *    `mediaUrl` and `uploadFormData` are exactly what the upstream said.
 * 2. The browser posts the upload form (every `uploadFormData` field, then the file in field
 *    `file`, last) as `multipart/form-data` to `perchUploadPath` on its own origin.
 * 3. The server streams that form to the remembered `uploadUrl`, with no Authorization header
 *    (the signed policy is the authorisation), and passes the answer back (204 on success).
 *
 * The token in the path is random (128 bits) and is looked up only among the targets issued
 * to the same session, so no other URL is reachable: a token from another session, an
 * unknown one or an expired one is a 404 that never leaves the server.
 */

/** The field the server adds to a 200 presigned-upload answer. */
export const PERCH_UPLOAD_PATH_FIELD = 'perchUploadPath';

/** An upload target stays usable this long after the presigned-upload answer. */
export const UPLOAD_TARGET_TTL_MS = 60 * 60 * 1000;

/** The largest form the relay accepts: the policy's 100 MiB file plus room for the fields. */
export const MAX_UPLOAD_FORM_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/** `/upload/` and a 22-character base64url token (16 random bytes). */
export const perchUploadPathSchema = z
  .string()
  .check(z.regex(/^\/upload\/[A-Za-z0-9_-]{22}$/, 'must be a /upload/… path issued by Perch'));

/** E9's answer as the browser receives it through Perch. */
export const perchPresignedUploadSchema = z.extend(presignedUploadSchema, {
  [PERCH_UPLOAD_PATH_FIELD]: perchUploadPathSchema,
});
export type PerchPresignedUpload = z.infer<typeof perchPresignedUploadSchema>;
