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
const STYLESHEET = /<link rel="stylesheet" crossorigin href="(\/assets\/[\w.-]+\.css)">/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="\/assets\/[\w.-]+\.js">/g;
const APP_ENTRY = /<script type="module" crossorigin src="(\/assets\/[\w.-]+\.js)"><\/script>/;
/** src/server-page-start.ts, built (vite.config.ts). */
export const SERVER_PAGE_START = '/server-page-start.js';

/** The built index.html, ready to take a server-rendered page. */
export interface PageTemplate {
  /** index.html without its preloads, stylesheets and theme script (see preparePageTemplate). */
  html: string;
  /** Those stylesheets' text, which goes into the page itself. */
  css: string;
}

/**
 * Gets index.html ready for server-rendered pages, or undefined when it is not the page
 * expected. What would hold the first paint back goes:
 *
 * - The stylesheets are read here and go into the page: a page with its first rows should
 *   not wait for more requests. Each link stays, `disabled` (neither fetched nor applied),
 *   so that the app's code, which adds the stylesheet of a module it loads unless the page
 *   has its link, does not fetch it again. A stylesheet it cannot read keeps its link.
 * - The app's entry script and module preloads: fetching, compiling and running the app's
 *   code beside the page's markup delays its paint by tens of milliseconds.
 *   `/server-page-start.js` (src/server-page-start.ts) loads the entry, named in its
 *   `data-app`, once the page is painted. Without that file the entry stays as it is.
 * - The theme script, since the server sets the theme the browser reported.
 *
 * `readAsset` reads a file of the build by its URL path.
 */
export function preparePageTemplate(
  indexHtml: string,
  readAsset: (urlPath: string) => string | undefined,
): PageTemplate | undefined {
  if (!indexHtml.includes(ROOT) || !indexHtml.includes('</head>')) return undefined;
  if (!indexHtml.includes(HTML_TAG) || !THEME_SCRIPT.test(indexHtml)) return undefined;
  const sheets: string[] = [];
  let html = indexHtml.replace(THEME_SCRIPT, '');
  if (readAsset(SERVER_PAGE_START) !== undefined && APP_ENTRY.test(html)) {
    html = html
      .replace(APP_ENTRY, (_script, src: string) => {
        return `<script type="module" src="${SERVER_PAGE_START}" data-app="${src}"></script>`;
      })
      .replace(MODULE_PRELOAD, '');
  }
  html = html.replace(STYLESHEET, (link, href: string) => {
    const css = readAsset(href);
    // Text that could close the <style> element keeps its link instead.
    if (css === undefined || /<\/style/i.test(css)) return link;
    sheets.push(css);
    return link.replace(/>$/, ' disabled>');
  });
  return { html, css: sheets.join('\n') };
}

/** What the page's head needs, known before the render. */
export interface PageHead {
  /** Allows the page's `<style>` elements (a new one for every response). */
  nonce: string;
  theme: 'light' | 'dark';
}

/** What the render gave: the rest of the page. */
export interface RenderedPage {
  /** #root's markup, without style attributes (inline-styles.ts). */
  html: string;
  /** The rules for its `data-server-style` attributes, allowed by the head's nonce. */
  css: string;
  state: unknown;
}

/**
 * The page up to the end of its head, without `</head>`: the theme the browser reported,
 * and the stylesheets. It can go out before the render is done, so that the browser reads
 * the styles (and, in Chromium, readies the page's process) meanwhile.
 */
export function pageStart(template: PageTemplate, head: PageHead): string {
  const end = template.html.indexOf('</head>');
  // Functions, so that `$` in the text is never read as a replacement pattern.
  return (
    template.html
      .slice(0, end)
      .replace(HTML_TAG, () => `<html lang="en" data-theme="${head.theme}">`) +
    `<style nonce="${head.nonce}">${template.css}</style>`
  );
}

/**
 * The rest of the page after `pageStart`: the rendered markup in an inert #root, its styles,
 * and the query cache it was rendered from. Without a render, the page as the app renders it
 * (an empty #root; the app asks for the rows itself).
 */
export function pageEnd(template: PageTemplate, head: PageHead, page?: RenderedPage): string {
  const rest = template.html.slice(template.html.indexOf('</head>'));
  if (page === undefined) return rest;
  const styles = `<style id="${SERVER_STYLES_ID}" nonce="${head.nonce}">${page.css}</style>`;
  const root =
    `<div id="root" inert aria-disabled="true">${page.html}</div>` +
    `<script type="application/json" id="${SERVER_STATE_ID}">${jsonForScript(page.state)}</script>`;
  return styles + rest.replace(ROOT, () => root);
}
