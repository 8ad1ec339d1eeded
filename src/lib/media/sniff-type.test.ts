import { describe, expect, it } from 'vitest';
import { decideType, extensionOf, looksLikeText, mediaKindOf, sniffBytes } from './sniff-type';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
const withAscii = (prefix: number[], ascii: string) => new Uint8Array([...prefix, ...text(ascii)]);

const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const GIF = text('GIF89a\x01\x00');
const PDF = text('%PDF-1.7\n');
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 20, 0);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const ftyp = (brand: string) => withAscii([0, 0, 0, 0x20], `ftyp${brand}\0\0\0\0`);
const riff = (form: string) => withAscii([], `RIFF\x10\x00\x00\x00${form}`);

describe('sniffBytes', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['GIF', GIF, 'image/gif'],
    ['GIF87a', text('GIF87a'), 'image/gif'],
    ['WebP', riff('WEBP'), 'image/webp'],
    ['WAV', riff('WAVE'), 'audio/wav'],
    ['BMP', bytes(0x42, 0x4d, 0x3a, 0, 0, 0, 0, 0, 0, 0), 'image/bmp'],
    ['PDF', PDF, 'application/pdf'],
    ['ZIP', ZIP, 'application/zip'],
    ['MP4', ftyp('isom'), 'video/mp4'],
    ['MOV', ftyp('qt  '), 'video/quicktime'],
    ['M4A', ftyp('M4A '), 'audio/mp4'],
    ['3GP', ftyp('3gp5'), 'video/3gpp'],
    ['HEIC', ftyp('heic'), 'image/heic'],
    ['AVIF', ftyp('avif'), 'image/avif'],
    ['WebM', bytes(0x1a, 0x45, 0xdf, 0xa3), 'video/webm'],
    ['Ogg', text('OggS\0'), 'audio/ogg'],
    ['MP3 with ID3', text('ID3\x04\x00'), 'audio/mpeg'],
    ['MP3 frame', bytes(0xff, 0xfb, 0x90, 0x00), 'audio/mpeg'],
    ['AAC ADTS', bytes(0xff, 0xf1, 0x50, 0x80), 'audio/aac'],
    ['AMR', text('#!AMR\n'), 'audio/amr'],
    ['OLE', OLE, 'application/x-ole-storage'],
    ['ELF', bytes(0x7f, 0x45, 0x4c, 0x46), 'application/x-executable'],
    ['Windows executable', bytes(0x4d, 0x5a, 0x90, 0x00, 0x03), 'application/x-msdownload'],
  ])('recognises %s', (_name, head, contentType) => {
    expect(sniffBytes(head)?.contentType).toBe(contentType);
  });

  it('does not take text for a format with a short printable signature', () => {
    expect(sniffBytes(text('BMW service notes\n'))).toBeUndefined();
    expect(sniffBytes(text('MZ: meeting notes'))).toBeUndefined();
    expect(sniffBytes(text('ID3 tags explained'))).toBeUndefined();
    expect(decideType('notes.txt', text('BMW service notes\n'))).toMatchObject({ ok: true });
  });

  it('recognises nothing in text, too few bytes, or nothing at all', () => {
    expect(sniffBytes(text('hello, world'))).toBeUndefined();
    expect(sniffBytes(bytes(0x89, 0x50))).toBeUndefined();
    expect(sniffBytes(new Uint8Array())).toBeUndefined();
    expect(sniffBytes(text('RIFF\x10\x00\x00\x00XXXX'))).toBeUndefined();
  });
});

describe('looksLikeText', () => {
  it('accepts UTF-8 text with tabs and line breaks, even cut inside a character', () => {
    expect(looksLikeText(text('name,count\r\nA\t1\n'))).toBe(true);
    expect(looksLikeText(text('größe 😀').subarray(0, 9))).toBe(true);
    expect(looksLikeText(new Uint8Array())).toBe(true);
  });

  it('refuses NUL and other controls, and invalid UTF-8', () => {
    expect(looksLikeText(bytes(0x61, 0x00, 0x62))).toBe(false);
    expect(looksLikeText(bytes(0x61, 0x07))).toBe(false);
    expect(looksLikeText(bytes(0xc3, 0x28))).toBe(false);
  });
});

describe('extensionOf and mediaKindOf', () => {
  it('takes the last extension of the last path segment, lower-cased', () => {
    expect(extensionOf('photo.PNG')).toBe('png');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('dir.d/file')).toBe('');
    expect(extensionOf('C:\\x.y\\file')).toBe('');
  });

  it('sorts types into image, audio, video and document', () => {
    expect(mediaKindOf('image/png')).toBe('image');
    expect(mediaKindOf('audio/ogg')).toBe('audio');
    expect(mediaKindOf('video/mp4')).toBe('video');
    expect(mediaKindOf('application/pdf')).toBe('document');
    expect(mediaKindOf('text/plain')).toBe('document');
  });
});

describe('decideType', () => {
  it('takes the type the bytes prove when the extension agrees', () => {
    expect(decideType('photo.png', PNG)).toEqual({
      ok: true,
      contentType: 'image/png',
      label: 'PNG image',
    });
    expect(decideType('photo.JPEG', JPEG)).toMatchObject({ ok: true, contentType: 'image/jpeg' });
    expect(decideType('doc.pdf', PDF)).toMatchObject({ ok: true, contentType: 'application/pdf' });
  });

  it('refuses bytes that contradict the extension, saying what they are', () => {
    expect(decideType('photo.png', JPEG)).toEqual({
      ok: false,
      reason: 'Its bytes are a JPEG image, not a PNG image as .png says.',
    });
    expect(decideType('invoice.pdf', text('just some text'))).toEqual({
      ok: false,
      reason: 'Its bytes are text, not a PDF document as .pdf says.',
    });
    expect(decideType('photo.jpg', bytes(1, 2, 3, 4))).toEqual({
      ok: false,
      reason: 'Its bytes are not a JPEG image, though the name ends in .jpg.',
    });
  });

  it('refuses a binary file named like text', () => {
    expect(decideType('notes.txt', PNG)).toEqual({
      ok: false,
      reason: 'Its bytes are a PNG image, not a text file as .txt says.',
    });
    expect(decideType('data.csv', bytes(0x61, 0, 0x62))).toEqual({
      ok: false,
      reason: 'Its bytes are not a CSV table, though the name ends in .csv.',
    });
    expect(decideType('evil.svg', bytes(0x4d, 0x5a, 0x90, 0))).toMatchObject({ ok: false });
  });

  it('accepts text named like text', () => {
    expect(decideType('list.csv', text('a,b\n1,2\n'))).toMatchObject({
      ok: true,
      contentType: 'text/csv',
    });
    expect(decideType('logo.svg', text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject(
      {
        ok: true,
        contentType: 'image/svg+xml',
      },
    );
  });

  it('checks Office documents by their container', () => {
    expect(decideType('report.docx', ZIP)).toMatchObject({
      ok: true,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(decideType('old.doc', OLE)).toMatchObject({
      ok: true,
      contentType: 'application/msword',
    });
    expect(decideType('report.docx', PDF)).toEqual({
      ok: false,
      reason: 'Its bytes are a PDF document, not a Word document as .docx says.',
    });
  });

  it('lets formats of one container family stand in for each other', () => {
    expect(decideType('clip.mp4', ftyp('qt  '))).toMatchObject({
      ok: true,
      contentType: 'video/mp4',
    });
    expect(decideType('voice.m4a', ftyp('isom'))).toMatchObject({
      ok: true,
      contentType: 'audio/mp4',
    });
  });

  it('without a known extension, goes by the bytes alone', () => {
    expect(decideType('screenshot', PNG)).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(decideType('image.weird', JPEG)).toMatchObject({ ok: true, contentType: 'image/jpeg' });
    expect(decideType('README', text('# Perch\n'))).toMatchObject({
      ok: true,
      contentType: 'text/plain',
    });
    expect(decideType('blob.bin', bytes(0, 1, 2, 3))).toEqual({
      ok: true,
      contentType: 'application/octet-stream',
      label: 'file',
    });
  });
});
