// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './sanitize-email';

function bodyOf(dirty: string, allowRemote = false) {
  const { document, blockedRemote, hadStyles } = sanitizeEmailHtml(dirty, { allowRemote });
  const parsed = new DOMParser().parseFromString(document, 'text/html');
  return { parsed, body: parsed.body, blockedRemote, hadStyles, document };
}

describe('sanitizeEmailHtml', () => {
  it('puts a CSP meta first that blocks scripts, forms and remote loads', () => {
    const { parsed } = bodyOf('<p>Hi</p>');
    const meta = parsed.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(parsed.head.firstElementChild).toBe(meta);
    const csp = meta?.getAttribute('content') ?? '';
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain('img-src data:;');
    expect(csp).toContain("default-src 'none'");
  });

  it('allows https images in the frame CSP only once remote content is allowed', () => {
    const { parsed } = bodyOf('<p>Hi</p>', true);
    const csp =
      parsed.head
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content') ?? '';
    expect(csp).toContain('img-src data: https:;');
  });

  it.each([
    '<script>window.__xss=1</script>',
    '<img src=x onerror="window.__xss=1">',
    '<svg onload="window.__xss=1"><circle r=1></circle></svg>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<object data="javascript:window.__xss=1"></object>',
    '<embed src="javascript:window.__xss=1">',
    '<form action="https://evil.test/"><input name=a><button>Go</button></form>',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
    '<meta http-equiv="refresh" content="0;url=https://evil.test/">',
    '<base href="https://evil.test/">',
    '<link rel=stylesheet href="https://evil.test/x.css">',
    '<video poster="https://evil.test/p.png"><source src="https://evil.test/v.mp4"></video>',
  ])('removes every script, handler, embed and loader: %s', (payload) => {
    const { body } = bodyOf(`<p>before</p>${payload}<p>after</p>`);
    const html = body.outerHTML.toLowerCase();
    for (const needle of [
      '<script',
      'onerror',
      'onload',
      '<iframe',
      '<object',
      '<embed',
      '<form',
      '<input',
      '<meta',
      '<base',
      '<link',
      '<video',
      '<svg',
      'javascript:',
      'evil.test',
    ]) {
      expect(html).not.toContain(needle);
    }
    expect(body.textContent).toContain('before');
  });

  it('drops a <base> but keeps what follows it', () => {
    expect(bodyOf('<base href="https://evil.test/"><p>after a base</p>').body.textContent).toBe(
      'after a base',
    );
  });

  it('keeps only http(s), mailto and tel links, opening in a new tab without referrer', () => {
    const { body } = bodyOf(
      [
        '<a href="https://example.com/a">ok</a>',
        '<a href="mailto:x@example.com">mail</a>',
        '<a href="javascript:alert(1)">js</a>',
        '<a href="  jav&#x09;ascript:alert(1)">js2</a>',
        '<a href="data:text/html,<script>alert(1)</script>">data</a>',
        '<a href="/relative">rel</a>',
      ].join(''),
    );
    const links = Array.from(body.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a',
      'mailto:x@example.com',
      null,
      null,
      null,
      null,
    ]);
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('blocks remote images, srcset, backgrounds and CSS urls until allowed', () => {
    const dirty = [
      '<img id=a src="https://tracker.test/a.png" alt="a">',
      '<img id=b srcset="https://tracker.test/b.png 1x, https://tracker.test/b2.png 2x" alt="b">',
      '<table id=c background="https://tracker.test/c.png"><tr><td>c</td></tr></table>',
      '<img id=e src="http://tracker.test/e.png" alt="e">',
      '<img id=f src="data:image/png;base64,iVBORw0KGgo=" alt="f">',
      '<img id=g src="/relative.png" alt="g">',
    ].join('');
    const blocked = bodyOf(dirty);
    expect(blocked.body.querySelector('#a')?.hasAttribute('src')).toBe(false);
    expect(blocked.body.querySelector('#b')?.hasAttribute('srcset')).toBe(false);
    expect(blocked.body.querySelector('#c')?.hasAttribute('background')).toBe(false);
    expect(blocked.body.querySelector('#e')?.hasAttribute('src')).toBe(false);
    expect(blocked.body.querySelector('#f')?.getAttribute('src')).toMatch(/^data:image\/png/);
    expect(blocked.body.querySelector('#g')?.hasAttribute('src')).toBe(false);
    expect(blocked.blockedRemote).toBe(4);

    const allowed = bodyOf(dirty, true);
    expect(allowed.body.querySelector('#a')?.getAttribute('src')).toBe(
      'https://tracker.test/a.png',
    );
    expect(allowed.body.querySelector('#b')?.getAttribute('srcset')).toContain('b2.png');
    expect(allowed.body.querySelector('#c')?.getAttribute('background')).toBe(
      'https://tracker.test/c.png',
    );
    // Plain http never loads, consent or not.
    expect(allowed.body.querySelector('#e')?.hasAttribute('src')).toBe(false);
    expect(allowed.blockedRemote).toBe(1);
  });

  it('removes all CSS (the frame allows none) and says the email had some', () => {
    const { body, document, hadStyles } = bodyOf(
      [
        '<html><head><style>@import url(https://tracker.test/i.css); p { color: red }</style></head>',
        '<body><p style="background: url(https://tracker.test/p.png); color: blue">Hi</p>',
        '<table bgcolor="#eeeeee" width="600"><tr><td align="center">cell</td></tr></table>',
        '</body></html>',
      ].join(''),
    );
    expect(document).not.toContain('<style');
    expect(document).not.toContain('style=');
    expect(document).not.toContain('tracker.test');
    expect(hadStyles).toBe(true);
    expect(body.querySelector('table')?.getAttribute('bgcolor')).toBe('#eeeeee');
    expect(bodyOf('<p>plain</p>').hadStyles).toBe(false);
  });
});
