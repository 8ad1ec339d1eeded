/**
 * A file's name as Perch shows it and sends it as the upload form's filename. Names come from
 * whoever made the file: they may carry a path (`../../etc/passwd`, `C:\x\y.png`), control
 * characters, bidirectional overrides that make `gpj.exe` read as `exe.jpg`, or run to
 * hundreds of characters. None of that is shown as it stands. (The server never uses the
 * name for storage either: the sandbox names files after their media id.)
 */

/** Longest name shown; longer ones keep their start and their extension around an ellipsis. */
export const MAX_DISPLAY_NAME_LENGTH = 80;

export const UNNAMED_FILE = 'unnamed file';

/** C0 and C1 controls and DEL. */
const isControl = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};
const withoutControls = (text: string): string =>
  Array.from(text)
    .filter((char) => !isControl(char))
    .join('');
/**
 * Characters that change how the text around them is ordered or joined, or hide it: bidi
 * embeddings, overrides and isolates, directional marks, zero-width characters, the BOM,
 * and line and paragraph separators.
 */
const INVISIBLE_FORMATTING = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

export interface DisplayName {
  /** Safe to show and to send: no path, no controls, no reordering, at most 80 characters. */
  name: string;
  /** True when the name differs from the original (so the row can say so). */
  changed: boolean;
}

/** Cuts `name` to `max` code points, keeping the extension: `very-long-na….png`. */
function shorten(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keepExtension = extension.length > 0 && extension.length <= 16;
  const tail = keepExtension ? extension : [];
  const head = chars.slice(0, max - 1 - tail.length);
  return `${head.join('').trimEnd()}…${tail.join('')}`;
}

export function safeDisplayName(original: string): DisplayName {
  const lastSeparator = Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\'));
  let name = withoutControls(original.slice(lastSeparator + 1).normalize('NFC'))
    .replace(INVISIBLE_FORMATTING, '')
    .replace(/\s+/gu, ' ')
    .trim();
  // `.` and `..` name directories, not files; a run of dots says nothing either.
  if (/^\.+$/u.test(name)) name = '';
  name = name === '' ? UNNAMED_FILE : shorten(name, MAX_DISPLAY_NAME_LENGTH);
  return { name, changed: name !== original };
}
