import DOMPurify from 'dompurify';
import { isRemoteReference, mayLoadResource, safeLinkUrl } from './resource-url';

/**
 * HTML email, made safe to show inside Perch's sandboxed `srcdoc` frame
 * (components/safe-html-frame.tsx). Three layers, each enough on its own against scripts:
 *
 * 1. DOMPurify (HTML profile only: no SVG, no MathML) removes scripts, event handlers,
 *    `javascript:` URLs and every element that loads, submits or embeds something
 *    (forms, media, frames, objects, `<link>`, `<meta>`, `<base>`, `<style>`).
 * 2. Perch's own pass over what is left: links keep only http(s), mailto and tel targets
 *    and open in a new tab without referrer; every URL that would load something (image
 *    `src`, `srcset`, `background`) stays only when it may load (`data:` images always,
 *    `https:` only after the user allowed remote content for this message, plain `http:`
 *    and relative URLs never).
 * 3. The frame document carries its own Content-Security-Policy: no scripts, styles,
 *    forms, frames or fonts; images only from `data:` (plus `https:` once allowed).
 *
 * CSS is not kept: the frame inherits Perch's page policy, which allows no inline styles
 * (server/security/headers.ts), so style attributes and `<style>` blocks are removed and
 * reported (`hadStyles`). Presentational attributes (`bgcolor`, `width`, `align`, ...)
 * stay. DOMPurify needs a DOM, so this runs in the browser (or a DOM test environment).
 */

/** A complete frame document that went through {@link sanitizeEmailHtml}. */
export type SafeFrameDocument = string & { readonly __brand: 'SafeFrameDocument' };

export interface SanitizeEmailOptions {
  /** The user chose "Load remote content" for this message. */
  allowRemote: boolean;
}

export interface SanitizedEmail {
  /** The `srcdoc` of the frame: CSP meta, then the sanitised body. */
  document: SafeFrameDocument;
  /** References to other servers that were removed (after consent: plain http ones only). */
  blockedRemote: number;
  /** The email had CSS (style attributes or `<style>` blocks), which Perch does not apply. */
  hadStyles: boolean;
}

/** Elements that load, submit, embed or restyle the page, removed with their content. */
const FORBIDDEN_TAGS = [
  'style',
  'link',
  'meta',
  'base',
  'title',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'audio',
  'video',
  'track',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'template',
  'slot',
  'dialog',
  'noscript',
];

/** Attributes that name a URL to load or to send something to; handled by Perch below. */
const URL_ATTRIBUTES = [
  'src',
  'srcset',
  'background',
  'poster',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'usemap',
  'cite',
  'data',
  'action',
  'formaction',
  'ping',
  'xlink:href',
  'href',
];

/** Attributes never kept (DOMPurify already drops event handlers). */
const FORBIDDEN_ATTRIBUTES = [
  'style',
  'target',
  'rel',
  'srcdoc',
  'autofocus',
  'contenteditable',
  'is',
];

function frameCsp(allowRemote: boolean): string {
  const images = allowRemote ? 'data: https:' : 'data:';
  return [
    "default-src 'none'",
    "script-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'none'",
    "connect-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "manifest-src 'none'",
    `img-src ${images}`,
    "style-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Keeps the candidates of a `srcset` only when every one of them may load. */
function srcsetMayLoad(value: string, allowRemote: boolean): boolean {
  const candidates = value
    .split(/,(?=\s|[a-z]+:|\/)/i)
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate !== '');
  return (
    candidates.length > 0 &&
    candidates.every((candidate) => {
      const url = candidate.split(/\s+/)[0] ?? '';
      // A data: URL in a srcset would be split at its own commas: never kept.
      return url.toLowerCase().startsWith('https:') && mayLoadResource(url, allowRemote);
    })
  );
}

/** The same-tab, referrer-carrying behaviours of a link, replaced with safe ones. */
function secureLink(element: Element): void {
  const href = element.getAttribute('href');
  const safe = href === null ? null : safeLinkUrl(href);
  if (safe === null) {
    element.removeAttribute('href');
    return;
  }
  element.setAttribute('href', safe);
  element.setAttribute('target', '_blank');
  element.setAttribute('rel', 'noopener noreferrer nofollow');
}

/** An HTML start tag, quoted attribute values (which may hold `>`) included. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** A tag's quoted values, and the stretches between them. */
const TAG_PARTS = /"[^"]*"|'[^']*'|[^"']+/g;
/** An event handler or style attribute's name, where an attribute name can start. */
const DISARMED_ATTRIBUTE = /(^|[\s/])(on[a-z]+|style)(?=\s*=)/gi;
const STYLE_OR_BASE_TAG = /<(\/?)(style|base)(?=[\s/>])/gi;
const DISARMED_PREFIX = 'data-perch-';
const DISARMED_TAGS = ['perch-style', 'perch-base'];

function disarmTag(tag: string): string {
  return tag.replace(TAG_PARTS, (part) =>
    part.startsWith('"') || part.startsWith("'")
      ? part
      : part.replace(DISARMED_ATTRIBUTE, `$1${DISARMED_PREFIX}$2`),
  );
}

/**
 * Renames event-handler and `style` attributes and `<style>`/`<base>` tags before the HTML
 * is parsed at all. Parsing happens in Perch's own page, whose CSP refuses inline handlers,
 * inline styles and any `<base>`: the browser would report (and block) each of them as a
 * violation of Perch's policy while DOMPurify merely reads the email. Renamed, they are
 * plain `data-` attributes and unknown elements, which the sanitiser then removes (a style
 * block with its CSS). Not a security boundary (DOMPurify and the frame are): a rename this
 * misses only costs a blocked, reported violation.
 */
export function disarmBeforeParsing(html: string): string {
  return html.replace(START_TAG, disarmTag).replace(STYLE_OR_BASE_TAG, '<$1perch-$2');
}

export function sanitizeEmailHtml(dirty: string, options: SanitizeEmailOptions): SanitizedEmail {
  const { allowRemote } = options;
  const purify = DOMPurify(typeof window === 'undefined' ? undefined : window);
  if (!purify.isSupported) {
    // DOMPurify hands the input back unchanged without a DOM: never let that through.
    throw new Error('HTML email can only be sanitised in a browser.');
  }
  let blockedRemote = 0;
  let hadStyles = false;

  purify.addHook('uponSanitizeElement', (_node, data) => {
    if (data.tagName === 'style' || data.tagName === 'perch-style') hadStyles = true;
  });
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'style' || data.attrName === `${DISARMED_PREFIX}style`) hadStyles = true;
  });

  purify.addHook('afterSanitizeAttributes', (element) => {
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'href') {
        const tag = element.tagName.toLowerCase();
        if (tag === 'a' || tag === 'area') {
          secureLink(element);
          continue;
        }
      } else if (name === 'src' || name === 'background') {
        if (mayLoadResource(value, allowRemote)) continue;
      } else if (name === 'srcset') {
        if (srcsetMayLoad(value, allowRemote)) continue;
      }
      if (isRemoteReference(value) || (name === 'srcset' && /https?:|\/\//i.test(value))) {
        blockedRemote += 1;
      }
      element.removeAttribute(name);
    }
  });

  const root = purify.sanitize(disarmBeforeParsing(dirty), {
    USE_PROFILES: { html: true },
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
    FORBID_TAGS: [...FORBIDDEN_TAGS, ...DISARMED_TAGS],
    // A renamed <style> goes with its CSS; a renamed <base> (not void any more) only itself.
    ADD_FORBID_CONTENTS: ['perch-style'],
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: true,
  });

  const body = root.querySelector('body');
  const bodyHtml = body === null ? '' : body.outerHTML;
  const csp = escapeAttribute(frameCsp(allowRemote));
  const document = [
    '<!DOCTYPE html><html><head>',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light">',
    '</head>',
    bodyHtml,
    '</html>',
  ].join('') as SafeFrameDocument;
  return { document, blockedRemote, hadStyles };
}
