import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '@/lib/bird/decisions';
import { checkBytes, checkFile, sizeRefusal } from './file-check';

const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A File of `size` bytes without allocating them: a sparse Blob whose size is all we read. */
function fileOfSize(name: string, size: number, head = PNG_HEAD): File {
  const parts: BlobPart[] = [head];
  let rest = size - head.length;
  const chunk = new Uint8Array(Math.min(rest, 8 * 1024 * 1024));
  while (rest > 0) {
    const piece = Math.min(rest, chunk.length);
    parts.push(chunk.subarray(0, piece));
    rest -= piece;
  }
  return new File(parts, name, { type: 'image/png' });
}

describe('sizeRefusal', () => {
  it('refuses empty files and files over 100 MiB, accepts 1 byte and exactly 100 MiB', () => {
    expect(sizeRefusal(0)).toBe('The file is empty (0 bytes); there is nothing to upload.');
    expect(sizeRefusal(1)).toBeUndefined();
    expect(sizeRefusal(MAX_UPLOAD_BYTES)).toBeUndefined();
    expect(sizeRefusal(MAX_UPLOAD_BYTES + 1)).toBe(
      'The file is 100 MB (104,857,601 bytes); uploads are at most 100 MB (104,857,600 bytes).',
    );
  });
});

describe('checkBytes', () => {
  it('accepts a PNG with its type, kind, fit and safe name', () => {
    const checked = checkBytes('../shots/\u202eshot.png', 2048, PNG_HEAD);
    expect(checked).toMatchObject({
      ok: true,
      displayName: 'shot.png',
      nameChanged: true,
      size: 2048,
      contentType: 'image/png',
      typeLabel: 'PNG image',
      kind: 'image',
    });
    if (checked.ok) expect(checked.fit.every((verdict) => verdict.fits)).toBe(true);
  });

  it('refuses by size before looking at the bytes', () => {
    expect(checkBytes('empty.png', 0, new Uint8Array())).toMatchObject({
      ok: false,
      reason: expect.stringContaining('empty') as unknown,
    });
  });

  it('refuses mismatched bytes with a reason', () => {
    expect(checkBytes('photo.jpg', 12, PNG_HEAD)).toEqual({
      ok: false,
      displayName: 'photo.jpg',
      nameChanged: false,
      size: 12,
      reason: 'Its bytes are a PNG image, not a JPEG image as .jpg says.',
    });
  });
});

describe('checkFile', () => {
  it('reads the first bytes of a real File', async () => {
    const file = new File([PNG_HEAD, new Uint8Array(100)], 'pic.png', { type: 'image/png' });
    await expect(checkFile(file)).resolves.toMatchObject({ ok: true, contentType: 'image/png' });
  });

  it('goes by the bytes, not the type the browser guessed from the name', async () => {
    const file = new File(['plain text'], 'pic.png', { type: 'image/png' });
    await expect(checkFile(file)).resolves.toMatchObject({
      ok: false,
      reason: 'Its bytes are text, not a PNG image as .png says.',
    });
  });

  it('refuses a zero-byte file', async () => {
    await expect(checkFile(new File([], 'empty.txt'))).resolves.toMatchObject({ ok: false });
  });

  it('accepts exactly 100 MiB and refuses 100 MiB + 1 byte', async () => {
    await expect(checkFile(fileOfSize('max.png', MAX_UPLOAD_BYTES))).resolves.toMatchObject({
      ok: true,
      size: MAX_UPLOAD_BYTES,
    });
    await expect(checkFile(fileOfSize('over.png', MAX_UPLOAD_BYTES + 1))).resolves.toMatchObject({
      ok: false,
      size: MAX_UPLOAD_BYTES + 1,
    });
  });

  it('refuses, rather than throws, when the file cannot be read', async () => {
    const file = new File(['x'], 'gone.txt');
    Object.defineProperty(file, 'slice', {
      value: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
    });
    await expect(checkFile(file)).resolves.toMatchObject({
      ok: false,
      reason: 'The file could not be read. It may have been moved or deleted.',
    });
  });
});
