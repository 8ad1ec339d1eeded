/**
 * What a file is, from its first bytes ("magic numbers") and its extension. The type sent to
 * presign (E9) is what the bytes say, so that a renamed file is caught before any request,
 * and a file without a telling extension still gets its real type.
 */

/** How many leading bytes {@link sniffBytes} needs at most. */
export const SNIFF_BYTES = 64;

export type MediaKind = 'image' | 'audio' | 'video' | 'document';

export function mediaKindOf(contentType: string): MediaKind {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.startsWith('video/')) return 'video';
  return 'document';
}

/** A content type with a readable name ("PNG image"). */
export interface SniffedType {
  contentType: string;
  label: string;
}

const ascii = (bytes: Uint8Array, offset: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

/** ISO base media (`....ftyp<brand>`): MP4, MOV, M4A, 3GP, HEIC, AVIF, by major brand. */
function sniffIsoBmff(bytes: Uint8Array): SniffedType | undefined {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const brand = ascii(bytes, 8, 4);
  if (brand === 'avif' || brand === 'avis')
    return { contentType: 'image/avif', label: 'AVIF image' };
  if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) {
    return { contentType: 'image/heic', label: 'HEIC image' };
  }
  if (brand === 'qt  ') return { contentType: 'video/quicktime', label: 'QuickTime video' };
  if (brand.startsWith('3g')) return { contentType: 'video/3gpp', label: '3GP video' };
  if (brand === 'M4A ' || brand === 'M4B ') return { contentType: 'audio/mp4', label: 'M4A audio' };
  return { contentType: 'video/mp4', label: 'MP4 video' };
}

/** RIFF containers: WebP, WAV, AVI. */
function sniffRiff(bytes: Uint8Array): SniffedType | undefined {
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== 'RIFF') return undefined;
  const form = ascii(bytes, 8, 4);
  if (form === 'WEBP') return { contentType: 'image/webp', label: 'WebP image' };
  if (form === 'WAVE') return { contentType: 'audio/wav', label: 'WAV audio' };
  if (form === 'AVI ') return { contentType: 'video/x-msvideo', label: 'AVI video' };
  return undefined;
}

/** MP3: an ID3 tag, or an MPEG audio frame sync (11 set bits, layer III). */
function sniffMp3(bytes: Uint8Array): boolean {
  // An ID3 tag's version byte (2–4) is a control character: "ID3 notes" in a text is not one.
  if (ascii(bytes, 0, 3) === 'ID3' && !looksLikeText(bytes)) return true;
  const first = bytes[0];
  const second = bytes[1];
  return (
    first === 0xff && second !== undefined && (second & 0xe0) === 0xe0 && (second & 0x06) === 0x02
  );
}

/** AAC in ADTS frames: 12 set bits, layer 00. */
function sniffAdts(bytes: Uint8Array): boolean {
  const second = bytes[1];
  return bytes[0] === 0xff && second !== undefined && (second & 0xf6) === 0xf0;
}

interface Signature {
  bytes: readonly number[];
  offset?: number;
  type: SniffedType;
  /**
   * Short and printable ("BM", "MZ"): text can start with it too ("BMW…"), so it counts only
   * when the bytes are not text. The real formats follow it with binary fields at once.
   */
  weak?: true;
}

const SIGNATURES: readonly Signature[] = [
  {
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    type: { contentType: 'image/png', label: 'PNG image' },
  },
  { bytes: [0xff, 0xd8, 0xff], type: { contentType: 'image/jpeg', label: 'JPEG image' } },
  {
    bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
    type: { contentType: 'image/gif', label: 'GIF image' },
  },
  {
    bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
    type: { contentType: 'image/gif', label: 'GIF image' },
  },
  { bytes: [0x42, 0x4d], type: { contentType: 'image/bmp', label: 'BMP image' }, weak: true },
  {
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
    type: { contentType: 'application/pdf', label: 'PDF document' },
  },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    type: { contentType: 'application/zip', label: 'ZIP archive' },
  },
  {
    bytes: [0x50, 0x4b, 0x05, 0x06],
    type: { contentType: 'application/zip', label: 'ZIP archive' },
  },
  { bytes: [0x1f, 0x8b], type: { contentType: 'application/gzip', label: 'gzip archive' } },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], type: { contentType: 'video/webm', label: 'WebM video' } },
  { bytes: [0x4f, 0x67, 0x67, 0x53], type: { contentType: 'audio/ogg', label: 'Ogg audio' } },
  { bytes: [0x23, 0x21, 0x41, 0x4d, 0x52], type: { contentType: 'audio/amr', label: 'AMR audio' } },
  { bytes: [0x66, 0x4c, 0x61, 0x43], type: { contentType: 'audio/flac', label: 'FLAC audio' } },
  // OLE2 compound file: legacy Word, Excel, PowerPoint.
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    type: { contentType: 'application/x-ole-storage', label: 'Office 97–2003 document' },
  },
  {
    bytes: [0x7f, 0x45, 0x4c, 0x46],
    type: { contentType: 'application/x-executable', label: 'ELF executable' },
  },
  {
    bytes: [0x4d, 0x5a],
    type: { contentType: 'application/x-msdownload', label: 'Windows executable' },
    weak: true,
  },
];

/** The type the leading bytes prove, or `undefined` when they match no known signature. */
export function sniffBytes(bytes: Uint8Array): SniffedType | undefined {
  for (const signature of SIGNATURES) {
    if (!startsWith(bytes, signature.bytes, signature.offset)) continue;
    if (signature.weak && looksLikeText(bytes)) continue;
    return signature.type;
  }
  const container = sniffIsoBmff(bytes) ?? sniffRiff(bytes);
  if (container) return container;
  if (sniffMp3(bytes)) return { contentType: 'audio/mpeg', label: 'MP3 audio' };
  if (sniffAdts(bytes)) return { contentType: 'audio/aac', label: 'AAC audio' };
  return undefined;
}

/**
 * Whether the leading bytes look like text: no NUL or other C0 controls besides tab, line
 * feed, form feed and carriage return (ESC allowed for ANSI logs), and valid UTF-8 up to
 * where the sample was cut.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte)) return false;
    if (byte === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** What an extension promises; `text` types have no signature and must look like text. */
export interface ExtensionType {
  contentType: string;
  label: string;
  /** `signature`: the bytes must prove it; `text`: the bytes must be text; `container`: a ZIP. */
  check: 'signature' | 'text' | 'zip' | 'ole';
}

const ext = (
  contentType: string,
  label: string,
  check: ExtensionType['check'] = 'signature',
): ExtensionType => ({
  contentType,
  label,
  check,
});

const EXTENSIONS: Readonly<Record<string, ExtensionType>> = {
  png: ext('image/png', 'PNG image'),
  jpg: ext('image/jpeg', 'JPEG image'),
  jpeg: ext('image/jpeg', 'JPEG image'),
  jfif: ext('image/jpeg', 'JPEG image'),
  gif: ext('image/gif', 'GIF image'),
  webp: ext('image/webp', 'WebP image'),
  bmp: ext('image/bmp', 'BMP image'),
  avif: ext('image/avif', 'AVIF image'),
  heic: ext('image/heic', 'HEIC image'),
  heif: ext('image/heic', 'HEIC image'),
  svg: ext('image/svg+xml', 'SVG image', 'text'),
  pdf: ext('application/pdf', 'PDF document'),
  zip: ext('application/zip', 'ZIP archive'),
  gz: ext('application/gzip', 'gzip archive'),
  mp4: ext('video/mp4', 'MP4 video'),
  m4v: ext('video/mp4', 'MP4 video'),
  mov: ext('video/quicktime', 'QuickTime video'),
  '3gp': ext('video/3gpp', '3GP video'),
  webm: ext('video/webm', 'WebM video'),
  avi: ext('video/x-msvideo', 'AVI video'),
  mp3: ext('audio/mpeg', 'MP3 audio'),
  m4a: ext('audio/mp4', 'M4A audio'),
  aac: ext('audio/aac', 'AAC audio'),
  ogg: ext('audio/ogg', 'Ogg audio'),
  oga: ext('audio/ogg', 'Ogg audio'),
  opus: ext('audio/ogg', 'Ogg audio'),
  wav: ext('audio/wav', 'WAV audio'),
  amr: ext('audio/amr', 'AMR audio'),
  flac: ext('audio/flac', 'FLAC audio'),
  docx: ext(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'Word document',
    'zip',
  ),
  xlsx: ext(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Excel workbook',
    'zip',
  ),
  pptx: ext(
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'PowerPoint presentation',
    'zip',
  ),
  odt: ext('application/vnd.oasis.opendocument.text', 'OpenDocument text', 'zip'),
  doc: ext('application/msword', 'Word 97–2003 document', 'ole'),
  xls: ext('application/vnd.ms-excel', 'Excel 97–2003 workbook', 'ole'),
  ppt: ext('application/vnd.ms-powerpoint', 'PowerPoint 97–2003 presentation', 'ole'),
  txt: ext('text/plain', 'text file', 'text'),
  text: ext('text/plain', 'text file', 'text'),
  log: ext('text/plain', 'text file', 'text'),
  md: ext('text/markdown', 'Markdown text', 'text'),
  csv: ext('text/csv', 'CSV table', 'text'),
  tsv: ext('text/tab-separated-values', 'TSV table', 'text'),
  json: ext('application/json', 'JSON document', 'text'),
  xml: ext('application/xml', 'XML document', 'text'),
  html: ext('text/html', 'HTML document', 'text'),
  htm: ext('text/html', 'HTML document', 'text'),
  ics: ext('text/calendar', 'calendar file', 'text'),
  vcf: ext('text/vcard', 'contact card', 'text'),
};

/** The lower-cased extension of a file name (after its last dot), or `''`. */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function extensionType(name: string): ExtensionType | undefined {
  return EXTENSIONS[extensionOf(name)];
}

/** The same container holds several formats: a match on the family is no contradiction. */
const ISO_BMFF = new Set([
  'video/mp4',
  'video/quicktime',
  'video/3gpp',
  'audio/mp4',
  'image/heic',
  'image/avif',
]);

function sameFamily(expected: string, sniffed: string): boolean {
  if (expected === sniffed) return true;
  if (ISO_BMFF.has(expected) && ISO_BMFF.has(sniffed)) return true;
  // Ogg carries audio and video; the extension says which.
  return expected.startsWith('audio/ogg') && sniffed === 'audio/ogg';
}

export type TypeVerdict =
  { ok: true; contentType: string; label: string } | { ok: false; reason: string };

const GENERIC_BINARY: SniffedType = { contentType: 'application/octet-stream', label: 'file' };

function contradiction(
  expected: ExtensionType,
  sniffed: SniffedType | undefined,
  head: Uint8Array,
  name: string,
): TypeVerdict {
  const suffix = `.${extensionOf(name)}`;
  const what = sniffed
    ? `a ${sniffed.label}`
    : looksLikeText(head) && expected.check !== 'text'
      ? 'text'
      : undefined;
  return {
    ok: false,
    reason:
      what === undefined
        ? `Its bytes are not a ${expected.label}, though the name ends in ${suffix}.`
        : `Its bytes are ${what}, not a ${expected.label} as ${suffix} says.`,
  };
}

/**
 * The content type to presign with, from the file's leading bytes and its name, or why the
 * two contradict each other:
 * - a known extension whose format has a signature needs bytes that prove it;
 * - an Office extension needs the container it is stored in (ZIP, or OLE for 97–2003);
 * - a text extension (`.txt`, `.csv`, `.svg` …) needs bytes that are text, not a known binary;
 * - an unknown or missing extension takes whatever the bytes prove, else text or a generic
 *   binary.
 */
export function decideType(name: string, head: Uint8Array): TypeVerdict {
  const expected = extensionType(name);
  const sniffed = sniffBytes(head);
  if (expected === undefined) {
    const found =
      sniffed ??
      (looksLikeText(head) ? { contentType: 'text/plain', label: 'text file' } : GENERIC_BINARY);
    return { ok: true, ...found };
  }
  const fits =
    expected.check === 'text'
      ? sniffed === undefined && looksLikeText(head)
      : expected.check === 'zip'
        ? sniffed?.contentType === 'application/zip'
        : expected.check === 'ole'
          ? sniffed?.contentType === 'application/x-ole-storage'
          : sniffed !== undefined && sameFamily(expected.contentType, sniffed.contentType);
  if (!fits) return contradiction(expected, sniffed, head, name);
  return { ok: true, contentType: expected.contentType, label: expected.label };
}
