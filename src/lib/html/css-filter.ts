import { isRemoteReference, mayLoadResource } from './resource-url';

/**
 * Filters CSS declarations (a style attribute, or a rule of an email's style sheet) through
 * the CSSOM, after the browser's own parser resolved escapes and comments: a declaration is
 * removed when it could load something that may not load (see resource-url.ts).
 */

/** Functions whose arguments are URLs even when written as plain strings. */
const URL_LIKE_FUNCTION = /(?:^|[^a-z-])(?:-webkit-)?(?:image-set|image|cross-fade|element|src)\(/i;
const URL_FUNCTION = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)"'\s]*))\s*\)/gi;

export interface CssFilterResult {
  /** Declarations removed because they point at another server. */
  blockedRemote: number;
}

/** The URLs of every `url(...)` in a property value, or `null` when one cannot be read. */
export function cssUrls(value: string): string[] | null {
  const urls: string[] = [];
  let count = 0;
  for (const match of value.matchAll(URL_FUNCTION)) {
    count += 1;
    urls.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  const mentioned = value.toLowerCase().split('url(').length - 1;
  return mentioned === count ? urls : null;
}

/** What happens to one declaration's value. */
export function judgeCssValue(
  value: string,
  allowRemote: boolean,
): 'keep' | 'drop' | 'drop-remote' {
  if (URL_LIKE_FUNCTION.test(value)) return /https?:|\/\//i.test(value) ? 'drop-remote' : 'drop';
  if (!/url\(/i.test(value)) return 'keep';
  const urls = cssUrls(value);
  if (urls === null) return 'drop';
  if (urls.every((url) => mayLoadResource(url, allowRemote))) return 'keep';
  return urls.some(isRemoteReference) ? 'drop-remote' : 'drop';
}

/** Removes, in place, every declaration of `style` that may not load what it names. */
export function filterDeclarations(
  style: CSSStyleDeclaration,
  allowRemote: boolean,
): CssFilterResult {
  let blockedRemote = 0;
  for (let i = style.length - 1; i >= 0; i -= 1) {
    const name = style.item(i);
    const verdict = judgeCssValue(style.getPropertyValue(name), allowRemote);
    if (verdict === 'keep') continue;
    if (verdict === 'drop-remote') blockedRemote += 1;
    style.removeProperty(name);
  }
  return { blockedRemote };
}
