import { SERVER_STATE_ID } from '../../src/lib/server-render';
import { SERVER_STYLES_ID } from './inline-styles';

/**
 * The app's index.html with a server-rendered page in it: the markup inside #root, made
 * inert until the app replaces it, and the query cache it was rendered from as a JSON data
 * block (not a script: the CSP's `script-src 'self'` stays as it is), which the app reads
 * (src/app/server-state.ts).
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

/** Whether `template` (the built index.html) has the head and empty #root a page goes into. */
export function canHoldPage(template: string): boolean {
  return template.includes(ROOT) && template.includes('</head>');
}

export interface PageParts {
  /** #root's markup, without style attributes (inline-styles.ts). */
  html: string;
  /** The rules for its `data-server-style` attributes, allowed by `nonce`. */
  css: string;
  nonce: string;
  state: unknown;
}

export function pageHtml(template: string, page: PageParts): string {
  const styles = `<style id="${SERVER_STYLES_ID}" nonce="${page.nonce}">${page.css}</style>`;
  const root =
    `<div id="root" inert aria-disabled="true">${page.html}</div>` +
    `<script type="application/json" id="${SERVER_STATE_ID}">${jsonForScript(page.state)}</script>`;
  // A function, so that `$` in the markup is never read as a replacement pattern.
  return template.replace('</head>', () => `${styles}</head>`).replace(ROOT, () => root);
}
