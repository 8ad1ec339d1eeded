import { describe, expect, it } from 'vitest';
import { jsonForScript, pageHtml, preparePageTemplate, type PageParts } from './page-html';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <title>Perch</title>
    <script src="/theme-init.js"></script>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
    <link rel="stylesheet" crossorigin href="/assets/messages-2.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const ASSETS: Record<string, string> = {
  '/assets/index-1.css': 'body{margin:0}',
  '/assets/messages-2.css': '.row{height:40px}',
};

const template = () => {
  const prepared = preparePageTemplate(INDEX, (urlPath) => ASSETS[urlPath]);
  if (prepared === undefined) throw new Error('not prepared');
  return prepared;
};

const parts = (overrides: Partial<PageParts> = {}): PageParts => ({
  html: '<main>rows</main>',
  css: '#root [data-server-style="0"]{width:1px}',
  nonce: 'n0nce',
  theme: 'dark',
  state: { a: 1 },
  ...overrides,
});

describe('preparePageTemplate', () => {
  it('takes the stylesheets into the page and drops the theme script', () => {
    const prepared = template();
    expect(prepared.css).toBe('body{margin:0}\n.row{height:40px}');
    expect(prepared.html).not.toContain('rel="stylesheet"');
    expect(prepared.html).not.toContain('theme-init.js');
    expect(prepared.html).toContain('<script type="module" crossorigin src="/assets/index-1.js">');
  });

  it('keeps the link of a stylesheet it cannot read or that could close <style>', () => {
    const prepared = preparePageTemplate(INDEX, (urlPath) =>
      urlPath === '/assets/index-1.css' ? 'a::after{content:"</style>"}' : undefined,
    );
    expect(prepared?.css).toBe('');
    expect(prepared?.html.match(/rel="stylesheet"/g)).toHaveLength(2);
  });

  it('refuses an index.html that is not the one expected', () => {
    expect(preparePageTemplate('<html><body></body></html>', () => '')).toBeUndefined();
    expect(
      preparePageTemplate(INDEX.replace('<div id="root"></div>', ''), () => ''),
    ).toBeUndefined();
  });
});

describe('pageHtml', () => {
  it('puts the markup in an inert #root, its styles under the nonce, the state in a data block', () => {
    const html = pageHtml(template(), parts());
    expect(html).toContain('<html lang="en" data-theme="dark">');
    expect(html).toContain(
      '<style nonce="n0nce">body{margin:0}\n.row{height:40px}</style><style id="perch-server-styles" nonce="n0nce">#root [data-server-style="0"]{width:1px}</style></head>',
    );
    expect(html).toContain('<div id="root" inert aria-disabled="true"><main>rows</main></div>');
    expect(html).toContain(
      '<script type="application/json" id="perch-server-state">{"a":1}</script>',
    );
  });

  it('keeps message text from closing the data block or running as script', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028';
    const html = pageHtml(template(), parts({ html: '', state: { reference: hostile } }));
    const block = /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(block).toBeDefined();
    expect(block).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(block ?? '')).toEqual({ reference: hostile });
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('leaves `$` patterns in the markup alone', () => {
    expect(pageHtml(template(), parts({ html: "$& $' $`" }))).toContain("$& $' $`");
  });

  it('escapes the characters that matter in a script element', () => {
    expect(jsonForScript('<>&')).toBe('"\\u003c\\u003e\\u0026"');
  });
});
