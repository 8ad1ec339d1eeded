import { open } from 'node:fs/promises';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import { UPLOAD_FILE_FIELD } from '../../../src/lib/bird/presigned-upload';
import { BirdError } from '../http/errors';
import { entityTooLarge, malformedForm } from './upload-errors';

/**
 * Reading the upload form (E10) from @fastify/multipart's part iterator: the fields first,
 * then the file in `file`, last. Parts are taken one `next()` at a time (never `for await`,
 * whose early exit would end the iterator), so that after a refusal the rest of the form can
 * still be read and thrown away by {@link discardRest}.
 */

export type Parts = AsyncIterator<Multipart>;

/** Busboy limits: a form has a handful of short fields and one file. */
export function formLimits(maxFileBytes: number) {
  return {
    fieldNameSize: 100,
    fieldSize: 16 * 1024,
    fields: 32,
    files: 2,
    parts: 40,
    // Busboy stops passing bytes on after this many, drops the rest and marks the part.
    fileSize: maxFileBytes,
  };
}

/** Any part named `file` is the file, whatever its filename or Content-Type say. */
export const isFilePart = (fieldName: string | undefined): boolean =>
  fieldName === UPLOAD_FILE_FIELD;

/** Errors of the parser itself (malformed body, limits, a client that went away) → 400. */
function asFormError(error: unknown): Error {
  if (error instanceof BirdError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT') {
    return malformedForm('The form has too many fields; send the uploadFormData fields, then file');
  }
  if (code === 'FST_MP_PREMATURE_CLOSE') {
    return malformedForm('The request ended before the form was complete');
  }
  return malformedForm('The request body is not a well-formed multipart/form-data form');
}

export async function nextPart(parts: Parts): Promise<Multipart | undefined> {
  try {
    const result = await parts.next();
    return result.done === true ? undefined : result.value;
  } catch (error) {
    throw asFormError(error);
  }
}

/**
 * The fields before the file, names lower-cased (S3 matches form field names without
 * regard to case), and the file part; 400 for a duplicate, truncated or non-text field or
 * a form without a file.
 */
export async function readFieldsThenFile(
  parts: Parts,
): Promise<{ fields: Map<string, string>; file: MultipartFile }> {
  const fields = new Map<string, string>();
  for (;;) {
    const part = await nextPart(parts);
    if (part === undefined) {
      throw malformedForm(
        `The form has no file: send it in the field "${UPLOAD_FILE_FIELD}", last`,
      );
    }
    if (part.type === 'file') return { fields, file: part };
    const name = part.fieldname.toLowerCase();
    if (part.fieldnameTruncated || part.valueTruncated || typeof part.value !== 'string') {
      throw malformedForm(`The form field "${name}" is too long or not text`);
    }
    if (fields.has(name)) throw malformedForm(`The form field "${name}" appears more than once`);
    fields.set(name, part.value);
  }
}

/**
 * Streams the file to `path` (created, never overwritten) without holding it in memory.
 * Past `maxBytes` it stops writing, deletes what it wrote and reads the rest of the part
 * only to drop it; then throws 400 `EntityTooLarge`. On any failure (a client that aborts
 * included) nothing is left at `path`. Returns the size.
 */
export async function writeFile(
  file: MultipartFile,
  path: string,
  maxBytes: number,
  discard: (path: string) => Promise<void>,
): Promise<number> {
  const handle = await open(path, 'wx');
  let closed = false;
  const closeAndDiscard = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
    await discard(path);
  };
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of file.file as AsyncIterable<Buffer>) {
      if (tooLarge) continue;
      size += chunk.length;
      if (size > maxBytes || file.file.truncated) {
        tooLarge = true;
        await closeAndDiscard();
        continue;
      }
      for (let offset = 0; offset < chunk.length;) {
        offset += (await handle.write(chunk, offset)).bytesWritten;
      }
    }
    if (tooLarge || file.file.truncated) throw entityTooLarge(maxBytes);
    closed = true;
    await handle.close();
    return size;
  } catch (error) {
    await closeAndDiscard();
    throw error;
  }
}

/**
 * Reads whatever is left of the form and drops it, so the request is consumed and the
 * connection stays usable. Errors (a client that went away) end it quietly.
 */
export async function discardRest(parts: Parts, current?: MultipartFile): Promise<void> {
  current?.file.resume();
  try {
    for (;;) {
      const result = await parts.next();
      if (result.done === true) return;
      if (result.value.type === 'file') result.value.file.resume();
    }
  } catch {
    // The form was broken or the client left: nothing more to read.
  }
}
