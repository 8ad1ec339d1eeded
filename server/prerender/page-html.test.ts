import { describe, expect, it } from 'vitest';
import {
  jsonForScript,
  pageEnd,
  pageStart,
  preparePageTemplate,
  type PageHead,
  type RenderedPage,
} from './page-html';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <title>Perch</title>
    <script src="/theme-init.js"></script>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
    <link rel="stylesheet" crossorigin href="/assets/messages-2.css">
    <link rel="modulepreload" crossorigin href="/assets/main-3.js">
    <link rel="modulepreload" crossorigin href="/assets/messages-4.js">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const ASSETS: Record<string, string> = {
  '/server-page-start.js': 'start()',
  '/assets/index-1.css': 'body{margin:0}',
  '/assets/messages-2.css': '.row{height:40px}',
};

const template = () => {
  const prepared = preparePageTemplate(INDEX, (urlPath) => ASSETS[urlPath]);
  if (prepared === undefined) throw new Error('not prepared');
  return prepared;
};

const HEAD: PageHead = { nonce: 'n0nce', theme: 'dark' };

const rendered = (overrides: Partial<RenderedPage> = {}): RenderedPage => ({
  html: '<main>rows</main>',
  css: '#root [data-server-style="0"]{width:1px}',
  state: { a: 1 },
  ...overrides,
});

const pageHtml = (page?: RenderedPage) =>
  pageStart(template(), HEAD) + pageEnd(template(), HEAD, page);

describe('preparePageTemplate', () => {
  it('takes the stylesheets into the page, leaving their links disabled', () => {
    const prepared = template();
    expect(prepared.css).toBe('body{margin:0}\n.row{height:40px}');
    expect(prepared.html).toContain(
      '<link rel="stylesheet" crossorigin href="/assets/index-1.css" disabled>',
    );
    expect(prepared.html).toContain(
      '<link rel="stylesheet" crossorigin href="/assets/messages-2.css" disabled>',
    );
  });

  it('starts the app after the first paint: no theme script, preloads or entry script', () => {
    const prepared = template();
    expect(prepared.html).not.toContain('theme-init.js');
    expect(prepared.html).not.toContain('modulepreload');
    expect(prepared.html.match(/<script/g)).toHaveLength(1);
    expect(prepared.html).toContain(
      '<script type="module" src="/server-page-start.js" data-app="/assets/index-1.js"></script>',
    );
  });

  it('keeps the entry and its preloads when the build has no server-page-start.js', () => {
    const prepared = preparePageTemplate(INDEX, (urlPath) =>
      urlPath === '/server-page-start.js' ? undefined : ASSETS[urlPath],
    );
    expect(prepared?.html).toContain(
      '<script type="module" crossorigin src="/assets/index-1.js"></script>',
    );
    expect(prepared?.html.match(/modulepreload/g)).toHaveLength(2);
  });

  it('keeps the link of a stylesheet it cannot read or that could close <style>', () => {
    const files: Record<string, string> = {
      '/server-page-start.js': 'start()',
      '/assets/index-1.css': 'a::after{content:"</style>"}',
    };
    const prepared = preparePageTemplate(INDEX, (urlPath) => files[urlPath]);
    expect(prepared?.css).toBe('');
    expect(prepared?.html.match(/rel="stylesheet"/g)).toHaveLength(2);
    expect(prepared?.html).not.toContain('disabled');
  });

  it('refuses an index.html that is not the one expected', () => {
    expect(preparePageTemplate('<html><body></body></html>', () => '')).toBeUndefined();
    expect(
      preparePageTemplate(INDEX.replace('<div id="root"></div>', ''), () => ''),
    ).toBeUndefined();
  });
});

describe('pageStart and pageEnd', () => {
  it('start with the theme and the stylesheets under the nonce, up to the end of the head', () => {
    const start = pageStart(template(), HEAD);
    expect(start).toContain('<html lang="en" data-theme="dark">');
    expect(start).toMatch(/<style nonce="n0nce">body\{margin:0\}\n\.row\{height:40px\}<\/style>$/);
    expect(start).not.toContain('</head>');
  });

  it('end with the markup in an inert #root, its styles under the nonce, the state in a data block', () => {
    const html = pageHtml(rendered());
    expect(html).toContain(
      '</style><style id="perch-server-styles" nonce="n0nce">#root [data-server-style="0"]{width:1px}</style></head>',
    );
    expect(html).toContain('<div id="root" inert aria-disabled="true"><main>rows</main></div>');
    expect(html).toContain(
      '<script type="application/json" id="perch-server-state">{"a":1}</script>',
    );
  });

  it('end as the app renders the page when there is no render: an empty #root', () => {
    const html = pageHtml();
    expect(html).toContain('</style></head>');
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('perch-server-state');
    expect(html).not.toContain('perch-server-styles');
    expect(html).toContain('data-app="/assets/index-1.js"');
  });

  it('keeps message text from closing the data block or running as script', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028';
    const html = pageHtml(rendered({ html: '', state: { reference: hostile } }));
    const block = /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(block).toBeDefined();
    expect(block).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(block ?? '')).toEqual({ reference: hostile });
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('leaves `$` patterns in the markup alone', () => {
    expect(pageHtml(rendered({ html: "$& $' $`" }))).toContain("$& $' $`");
  });

  it('escapes the characters that matter in a script element', () => {
    expect(jsonForScript('<>&')).toBe('"\\u003c\\u003e\\u0026"');
  });
});
