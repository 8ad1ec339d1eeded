import { z } from 'zod';

/** Perch's own `/session` routes: how the browser connects without ever holding a key. */

export const sessionModeSchema = z.enum(['sandbox', 'bird']);
export type SessionMode = z.infer<typeof sessionModeSchema>;

export const createSessionRequestSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('sandbox') }),
  z.strictObject({
    mode: z.literal('bird'),
    accessKey: z.string().trim().min(1, 'Enter the access key'),
    workspaceId: z.uuid('A workspace id is a UUID'),
  }),
]);
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

export const sessionInfoSchema = z.discriminatedUnion('connected', [
  z.object({ connected: z.literal(false) }),
  z.object({
    connected: z.literal(true),
    mode: sessionModeSchema,
    workspaceId: z.string(),
    /** The last four characters of the access key, for recognition only. */
    keyHint: z.string(),
    /** Absolute media URLs starting with one of these are fetched through `/media/`. */
    mediaBases: z.array(z.string()),
    /** ISO time the idle session expires unless used. */
    expiresAt: z.string(),
  }),
]);
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
