import { MAX_UPLOAD_BYTES } from '@/lib/bird/decisions';
import { safeDisplayName } from './display-name';
import { formatBytes } from './format';
import { platformFit, type FitVerdict } from './platform-fit';
import { decideType, mediaKindOf, SNIFF_BYTES, type MediaKind } from './sniff-type';
import { formatCount } from '../format-count';

/**
 * Everything Perch checks about a file before any request: its size (1 byte to 100 MiB, the
 * policy's `content-length-range`), what its bytes are and whether that matches its name,
 * and which platforms it fits. A refused file never reaches presign.
 */

export interface FileFacts {
  /** Safe to show; see display-name.ts. */
  displayName: string;
  /** True when the shown name differs from the file's own. */
  nameChanged: boolean;
  size: number;
}

export type CheckedFile =
  | (FileFacts & {
      ok: true;
      contentType: string;
      /** "PNG image". */
      typeLabel: string;
      kind: MediaKind;
      fit: FitVerdict[];
    })
  | (FileFacts & { ok: false; reason: string });

/** The file's first bytes, enough for {@link decideType}. */
export async function readHead(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
}

/** The size rule alone: the reason a file of `size` bytes is refused, or `undefined`. */
export function sizeRefusal(size: number): string | undefined {
  if (size <= 0) return 'The file is empty (0 bytes); there is nothing to upload.';
  if (size > MAX_UPLOAD_BYTES) {
    return `The file is ${formatBytes(size)} (${formatCount(size)} bytes); uploads are at most 100 MB (${formatCount(MAX_UPLOAD_BYTES)} bytes).`;
  }
  return undefined;
}

/** Checks a file by its name, size and leading bytes. Never throws for a readable file. */
export function checkBytes(name: string, size: number, head: Uint8Array): CheckedFile {
  const display = safeDisplayName(name);
  const facts: FileFacts = { displayName: display.name, nameChanged: display.changed, size };
  const refusedForSize = sizeRefusal(size);
  if (refusedForSize !== undefined) return { ...facts, ok: false, reason: refusedForSize };
  const type = decideType(name, head);
  if (!type.ok) return { ...facts, ok: false, reason: type.reason };
  return {
    ...facts,
    ok: true,
    contentType: type.contentType,
    typeLabel: type.label,
    kind: mediaKindOf(type.contentType),
    fit: platformFit(type.contentType, size),
  };
}

/** {@link checkBytes} for a `File`; a file the browser cannot read is refused, not thrown. */
export async function checkFile(file: File): Promise<CheckedFile> {
  if (file.size <= 0 || file.size > MAX_UPLOAD_BYTES)
    return checkBytes(file.name, file.size, new Uint8Array());
  try {
    return checkBytes(file.name, file.size, await readHead(file));
  } catch {
    const display = safeDisplayName(file.name);
    return {
      displayName: display.name,
      nameChanged: display.changed,
      size: file.size,
      ok: false,
      reason: 'The file could not be read. It may have been moved or deleted.',
    };
  }
}
