/**
 * React writes a page's sizes and positions (a row's offset, a column's width) as `style`
 * attributes, which Perch's CSP (`style-src 'self'`) refuses in HTML, while it allows
 * them set from script, as the app does. So a server-rendered page carries them as
 * `data-server-style` attributes and one stylesheet of rules for them, allowed by a nonce
 * for that response alone (see plugin.ts).
 *
 * Only the declarations Perch's own components write pass: lengths in px for width and
 * height, a vertical translate, and a theme colour (a custom property, never a URL). Anything else and the page is not sent early.
 */

const LENGTH = String.raw`-?\d+(?:\.\d+)?px`;
/** A colour from the theme's custom properties: `var(--color-accent)`. */
const THEME_COLOUR = String.raw`var\(--[a-z][a-z0-9-]*\)`;
const DECLARATION = new RegExp(
  String.raw`^(?:(?:min-|max-)?(?:width|height):${LENGTH}|transform:translateY\(${LENGTH}\)|(?:background|color):${THEME_COLOUR})$`,
);

export interface MovedStyles {
  html: string;
  css: string;
}

export function moveInlineStyles(html: string): MovedStyles | undefined {
  const ids = new Map<string, string>();
  const values = [...html.matchAll(/ style="([^"]*)"/g)].map((match) => match[1] ?? '');
  const allowed = values.every((value) =>
    value
      .split(';')
      .filter((declaration) => declaration !== '')
      .every((declaration) => DECLARATION.test(declaration)),
  );
  if (!allowed) return undefined;
  const moved = html.replace(/ style="([^"]*)"/g, (_attribute, value: string) => {
    let id = ids.get(value);
    if (id === undefined) {
      id = String(ids.size);
      ids.set(value, id);
    }
    return ` data-server-style="${id}"`;
  });
  // `#root` outweighs the stylesheets' class rules, as an inline style would.
  const css = [...ids]
    .map(([value, id]) => `#root [data-server-style="${id}"]{${value}}`)
    .join('\n');
  return { html: moved, css };
}

/**
 * The page's CSP with `nonce` allowed for stylesheets, or undefined when the policy is not
 * the one expected (then nothing is loosened and the page is not sent early).
 */
export function withStyleNonce(policy: string | undefined, nonce: string): string | undefined {
  if (policy === undefined || !/(^|;)\s*style-src 'self'\s*(;|$)/.test(policy)) return undefined;
  return policy.replace(
    /(^|;)(\s*)style-src 'self'(\s*)(?=;|$)/,
    `$1$2style-src 'self' 'nonce-${nonce}'$3`,
  );
}
