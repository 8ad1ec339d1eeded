import { z } from 'zod/mini';

/**
 * Perch's zod: `zod/mini`, the functional API (`z.optional(s)`, `s.check(z.minLength(1))`,
 * `z.pipe(s, z.transform(f))`), which leaves in the browser bundle only what is used. Every
 * module that builds or parses a schema imports `z` from here, in the app and on the server.
 *
 * Classic `zod` loads its English messages by itself; `zod/mini` has none until told, and
 * would say "Invalid input" for everything. Importing `z` from this module is what makes
 * sure the messages are English wherever a schema is used (the sandbox's 422 `details`, the
 * app's notices), whether or not anything else loaded classic zod.
 */
z.config(z.locales.en());

export { z };
