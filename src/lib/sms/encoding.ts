/**
 * SMS encoding and segments (3GPP TS 23.038 / 23.040). A message that fits the GSM 03.38
 * default alphabet is sent as GSM-7: 160 septets in one part, 153 per part when split (the
 * concatenation header takes 7). Characters of the extension table (`€ [ ] { } \ ~ ^ |` and
 * form feed) are an escape plus a septet: they count twice and are never split across parts.
 * Anything else forces UCS-2: 70 UTF-16 units in one part, 67 per part, and a surrogate pair
 * (most emoji) is never split.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(Array.from(GSM7_BASIC).filter((c) => c !== '\u001b'));
const EXTENSION = new Set(Array.from(GSM7_EXTENSION));

export const SEGMENT_LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

/** Septets a character takes in GSM-7 (1 or 2), or `undefined` when it forces UCS-2. */
export function gsm7Septets(char: string): 1 | 2 | undefined {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return undefined;
}

/** GSM-7 look-alikes for characters that would force UCS-2 (typographic quotes, dashes…). */
export const GSM7_REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u200b': '',
  '\u2022': '-',
  '\u00b7': '.',
  '\u02c6': '^',
  '\u02dc': '~',
  '\u00e1': 'a',
  '\u00e2': 'a',
  '\u00e3': 'a',
  '\u00ea': 'e',
  '\u00eb': 'e',
  '\u00ed': 'i',
  '\u00ee': 'i',
  '\u00ef': 'i',
  '\u00f3': 'o',
  '\u00f4': 'o',
  '\u00f5': 'o',
  '\u00fa': 'u',
  '\u00fb': 'u',
  '\u00e7': 'Ç',
  '\u00c1': 'A',
  '\u00c0': 'A',
  '\u00c2': 'A',
  '\u00ca': 'E',
  '\u00c8': 'E',
  '\u00cd': 'I',
  '\u00d3': 'O',
  '\u00da': 'U',
};

export interface UnicodeChar {
  char: string;
  /** The GSM-7 look-alike, when one exists. */
  replacement: string | undefined;
}

export interface SmsCount {
  encoding: SmsEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Units a segment holds at this length (160/153 or 70/67). */
  perSegment: number;
  /** Units left in the last segment. */
  remaining: number;
  /** The distinct characters that force UCS-2, in order of appearance. */
  unicodeChars: UnicodeChar[];
}

/** Splits `sizes` (one entry per character, in units) into parts of at most `perPart`. */
function countParts(sizes: readonly number[], perPart: number): { parts: number; last: number } {
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perPart) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return { parts, last: used };
}

export function countSms(text: string): SmsCount {
  const chars = Array.from(text);
  const unicode = new Map<string, UnicodeChar>();
  const septets: number[] = [];
  for (const char of chars) {
    const size = gsm7Septets(char);
    if (size === undefined) {
      if (!unicode.has(char)) unicode.set(char, { char, replacement: GSM7_REPLACEMENTS[char] });
    } else septets.push(size);
  }
  const encoding: SmsEncoding = unicode.size === 0 ? 'GSM-7' : 'UCS-2';
  const sizes = encoding === 'GSM-7' ? septets : chars.map((char) => char.length);
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const limits = SEGMENT_LIMITS[encoding];
  if (units <= limits.single) {
    return {
      encoding,
      characters: chars.length,
      units,
      segments: units === 0 ? 0 : 1,
      perSegment: limits.single,
      remaining: limits.single - units,
      unicodeChars: [...unicode.values()],
    };
  }
  const { parts, last } = countParts(sizes, limits.multi);
  return {
    encoding,
    characters: chars.length,
    units,
    segments: parts,
    perSegment: limits.multi,
    remaining: limits.multi - last,
    unicodeChars: [...unicode.values()],
  };
}

/** `text` with every character that has a GSM-7 look-alike replaced by it. */
export function replaceWithGsm7(text: string, only?: string): string {
  return Array.from(text)
    .map((char) => {
      const replacement = GSM7_REPLACEMENTS[char];
      return replacement !== undefined && (only === undefined || only === char)
        ? replacement
        : char;
    })
    .join('');
}
