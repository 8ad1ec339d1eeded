import { SERVER_STATE_ID, SERVER_STYLES_ID } from '../../src/lib/server-render';

/**
 * The app's index.html with a server-rendered page in it: the markup inside #root, made
 * inert until the app replaces it, its styles in the page, and the query cache it was
 * rendered from as a JSON data block (not a script: the CSP's `script-src 'self'` stays as
 * it is), which the app reads (src/app/server-state.ts).
 */

const ROOT = '<div id="root"></div>';

/**
 * JSON that cannot end the <script> element it sits in nor open a comment: every `<`, `>`
 * and `&` is escaped (U+2028/2029 too, for old parsers). JSON.parse reads it back as is.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

const HTML_TAG = '<html lang="en">';
const THEME_SCRIPT = /\s*<script src="\/theme-init\.js"><\/script>/;
const STYLESHEET = /\s*<link rel="stylesheet" crossorigin href="(\/assets\/[\w.-]+\.css)">/g;

/** The built index.html, ready to take a server-rendered page. */
export interface PageTemplate {
  /** index.html without its stylesheet links and theme script (see preparePageTemplate). */
  html: string;
  /** Those stylesheets' text, which goes into the page itself. */
  css: string;
}

/**
 * Gets index.html ready for server-rendered pages, or undefined when it is not the page
 * expected. What would hold the first paint back goes: the stylesheets are read here and go
 * into the page (a page with its first rows should not wait for four more requests), and
 * the theme script, since the server sets the theme the browser reported. `readAsset` reads
 * a file of the build by its URL path; a stylesheet it cannot read keeps its link.
 */
export function preparePageTemplate(
  indexHtml: string,
  readAsset: (urlPath: string) => string | undefined,
): PageTemplate | undefined {
  if (!indexHtml.includes(ROOT) || !indexHtml.includes('</head>')) return undefined;
  if (!indexHtml.includes(HTML_TAG) || !THEME_SCRIPT.test(indexHtml)) return undefined;
  const sheets: string[] = [];
  const html = indexHtml.replace(THEME_SCRIPT, '').replace(STYLESHEET, (link, href: string) => {
    const css = readAsset(href);
    // Text that could close the <style> element keeps its link instead.
    if (css === undefined || /<\/style/i.test(css)) return link;
    sheets.push(css);
    return '';
  });
  return { html, css: sheets.join('\n') };
}

export interface PageParts {
  /** #root's markup, without style attributes (inline-styles.ts). */
  html: string;
  /** The rules for its `data-server-style` attributes, allowed by `nonce`. */
  css: string;
  nonce: string;
  theme: 'light' | 'dark';
  state: unknown;
}

export function pageHtml(template: PageTemplate, page: PageParts): string {
  const styles =
    `<style nonce="${page.nonce}">${template.css}</style>` +
    `<style id="${SERVER_STYLES_ID}" nonce="${page.nonce}">${page.css}</style>`;
  const root =
    `<div id="root" inert aria-disabled="true">${page.html}</div>` +
    `<script type="application/json" id="${SERVER_STATE_ID}">${jsonForScript(page.state)}</script>`;
  // Functions, so that `$` in the markup is never read as a replacement pattern.
  return template.html
    .replace(HTML_TAG, () => `<html lang="en" data-theme="${page.theme}">`)
    .replace('</head>', () => `${styles}</head>`)
    .replace(ROOT, () => root);
}
