import { describe, expect, it } from 'vitest';
import { canHoldPage, jsonForScript, pageHtml } from './page-html';

const template =
  '<!doctype html><html><head><title>Perch</title></head><body><div id="root"></div></body></html>';

describe('pageHtml', () => {
  it('puts the markup in an inert #root and the state in a JSON data block', () => {
    const html = pageHtml(template, {
      html: '<main>rows</main>',
      css: '#root [data-server-style="0"]{width:1px}',
      nonce: 'n0nce',
      state: { a: 1 },
    });
    expect(html).toContain(
      '<style id="perch-server-styles" nonce="n0nce">#root [data-server-style="0"]{width:1px}</style></head>',
    );
    expect(html).toContain('<div id="root" inert aria-disabled="true"><main>rows</main></div>');
    expect(html).toContain(
      '<script type="application/json" id="perch-server-state">{"a":1}</script>',
    );
  });

  it('keeps message text from closing the data block or running as script', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028';
    const html = pageHtml(template, {
      html: '',
      css: '',
      nonce: 'n',
      state: { reference: hostile },
    });
    const block = /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(block).toBeDefined();
    expect(block).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(block ?? '')).toEqual({ reference: hostile });
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('leaves `$` patterns in the markup alone', () => {
    expect(pageHtml(template, { html: "$& $' $`", css: '', nonce: 'n', state: {} })).toContain(
      "$& $' $`",
    );
  });

  it('knows a template without an empty #root', () => {
    expect(canHoldPage(template)).toBe(true);
    expect(canHoldPage('<div id="root">x</div>')).toBe(false);
  });

  it('escapes the characters that matter in a script element', () => {
    expect(jsonForScript('<>&')).toBe('"\\u003c\\u003e\\u0026"');
  });
});
