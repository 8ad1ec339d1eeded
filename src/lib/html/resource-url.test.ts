import { describe, expect, it } from 'vitest';
import { classifyResourceUrl, mayLoadResource, safeLinkUrl } from './resource-url';
import { disarmBeforeParsing, sanitizeEmailHtml } from './sanitize-email';

describe('classifyResourceUrl', () => {
  it.each([
    ['data:image/png;base64,AAAA', 'inline'],
    ['DATA:image/gif,xyz', 'inline'],
    ['https://example.com/a.png', 'remote'],
    [' \thttps://example.com/a.png', 'remote'],
    ['http://example.com/a.png', 'insecure'],
    ['//example.com/a.png', 'insecure'],
    ['/relative.png', 'other'],
    ['cid:part1@example.com', 'other'],
    ['data:text/html,<script>', 'other'],
    ['javascript:alert(1)', 'other'],
  ] as const)('%s is %s', (url, kind) => {
    expect(classifyResourceUrl(url)).toBe(kind);
  });

  it('loads remote URLs only with consent, and never plain http', () => {
    expect(mayLoadResource('https://a.test/x', false)).toBe(false);
    expect(mayLoadResource('https://a.test/x', true)).toBe(true);
    expect(mayLoadResource('http://a.test/x', true)).toBe(false);
    expect(mayLoadResource('data:image/png;base64,AA', false)).toBe(true);
  });
});

describe('safeLinkUrl', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['tel:+31612345678', 'tel:+31612345678'],
    ['javascript:alert(1)', null],
    [' java\tscript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['vbscript:msgbox(1)', null],
    ['data:text/html;base64,PHNjcmlwdD4=', null],
    ['/messages', null],
    ['https:', null],
    ['not a url', null],
  ] as const)('%s → %s', (raw, expected) => {
    expect(safeLinkUrl(raw)).toBe(expected);
  });
});

describe('sanitizeEmailHtml without a DOM', () => {
  it('refuses rather than returning the input unsanitised', () => {
    expect(() => sanitizeEmailHtml('<img src=x onerror=alert(1)>', { allowRemote: false })).toThrow(
      /browser/,
    );
  });
});

describe('disarmBeforeParsing', () => {
  it('renames handlers, style attributes and style/base tags, leaving text and values alone', () => {
    expect(
      disarmBeforeParsing(
        '<p STYLE="color:red" title="a>b onclick=x" style=\'x\'>style=kept onclick=kept</p>' +
          '<img src="x"onerror=y><svg/onload=z><style>p{}</style><BASE href=x>',
      ),
    ).toBe(
      '<p data-perch-STYLE="color:red" title="a>b onclick=x" data-perch-style=\'x\'>style=kept onclick=kept</p>' +
        '<img src="x"data-perch-onerror=y><svg/data-perch-onload=z><perch-style>p{}</perch-style><perch-BASE href=x>',
    );
  });
});
