import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/fixtures';
import { EMAIL_FRAME, openMessage } from './support/messages-page';
import { sandboxInfo, sendMessage, TINY_PNG } from './support/sandbox';
import { connectSandbox } from './support/session';

/**
 * Tracking pixels and other remote loads in HTML email: nothing leaves Perch's origin until
 * the user clicks "Load remote content" for the message; then only https images do. Remote
 * URLs point at a local server this spec listens on, over plain http (which Perch never
 * loads) and over https (the server speaks no TLS, so an https attempt shows as a connection
 * that never becomes a request): never the internet.
 */

let remote: Server;
let remoteBase = '';
let httpsBase = '';
/** Plain-http requests the remote server answered. */
const remoteHits: string[] = [];
/** Every TCP connection to it: http requests and https attempts alike. */
let remoteConnections = 0;

test.beforeAll(async () => {
  remote = createServer((request, response) => {
    remoteHits.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end(TINY_PNG);
  });
  remote.on('connection', () => {
    remoteConnections += 1;
  });
  await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
  const port = String((remote.address() as AddressInfo).port);
  remoteBase = `http://127.0.0.1:${port}`;
  httpsBase = `https://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) =>
    remote.close(() => {
      resolve();
    }),
  );
});

/** One vector per tracking or remote-load technique; `U` is replaced by a distinct URL. */
const VECTORS: readonly [string, string][] = [
  ['img', '<img src="U" alt="pixel" width="1" height="1">'],
  ['img-srcset', '<img srcset="U 1x, U?2x 2x" alt="s">'],
  ['picture-source', '<picture><source srcset="U"><img src="U?fallback" alt="p"></picture>'],
  ['table-background', '<table background="U"><tr><td>t</td></tr></table>'],
  ['td-background', '<table><tr><td background="U">td</td></tr></table>'],
  ['body-background', '<body background="U"><p>b</p></body>'],
  ['inline-style-url', '<div style="background-image: url(U)">s</div>'],
  ['inline-style-quoted', '<div style="background: #fff url(\'U\') no-repeat">s</div>'],
  ['inline-image-set', '<div style="background-image: image-set(\'U\' 1x)">s</div>'],
  ['style-import', '<style>@import url("U");</style>'],
  ['style-rule-url', '<style>p { background: url(U) }</style><p>r</p>'],
  ['style-font-face', '<style>@font-face { font-family: x; src: url(U) }</style>'],
  ['link-stylesheet', '<link rel="stylesheet" href="U">'],
  ['link-preload', '<link rel="preload" as="image" href="U">'],
  ['link-prefetch', '<link rel="prefetch" href="U">'],
  ['video-poster', '<video poster="U"></video>'],
  ['audio-src', '<audio src="U" autoplay></audio>'],
  ['svg-image', '<svg><image href="U" width="10" height="10"></image></svg>'],
  ['svg-use', '<svg><use href="U#x"></use></svg>'],
  ['meta-refresh', '<meta http-equiv="refresh" content="0;url=U">'],
  ['iframe', '<iframe src="U"></iframe>'],
  ['object', '<object data="U"></object>'],
  ['embed', '<embed src="U">'],
  ['input-image', '<input type="image" src="U" alt="i">'],
  ['img-lowsrc', '<img lowsrc="U" alt="l">'],
  ['base-relative', '<base href="U/"><img src="relative.png" alt="r">'],
  ['script', '<script src="U"></script>'],
  ['form-autosubmit', '<form action="U" method="post"><input name="a" value="b"></form>'],
];

function email(base: string): string {
  const parts = VECTORS.map(([name, html]) => html.replaceAll('U', `${base}/${name}`));
  const protocolRelative = `<img src="${base.replace(/^https?:/, '')}/protocol-relative" alt="pr">`;
  return `<p>Tracking test</p>${parts.join('\n')}${protocolRelative}`;
}

test('no request leaves Perch until Load remote content; then only https images', async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  expect(VECTORS.length).toBeGreaterThanOrEqual(15);
  // After consent the allowed https images are tried; the local server speaks no TLS.
  consoleErrors.allow(/net::ERR_[A-Z_]+ \(https:\/\/127\.0\.0\.1:\d+\//);
  const origin = new URL(baseURL ?? '').origin;
  const leaving: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (/^https?:/.test(url) && new URL(url).origin !== origin) leaving.push(url);
  });

  await connectSandbox(page);
  const info = await sandboxInfo(page.request);
  const message = await sendMessage(page.request, info, 'email-messagebird', {
    receiver: { contacts: [{ identifierValue: 'reader@example.com' }] },
    body: {
      type: 'html',
      html: {
        html: email(remoteBase) + email(httpsBase),
        metadata: { subject: 'Tracking vectors' },
      },
    },
  });

  await openMessage(page, message);
  const frame = page.locator(EMAIL_FRAME);
  await expect(frame).toHaveCount(1);
  await expect
    .poll(() => frame.evaluate((f: HTMLIFrameElement) => f.srcdoc))
    .toContain('Tracking test');
  const consent = page.getByRole('button', { name: 'Load remote content' });
  await expect(consent).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /remote reference\(s\) blocked/ }),
  ).toBeVisible();
  // Switching widths re-lays the frame out; still nothing may load.
  await page.getByRole('button', { name: /Phone/ }).click();
  await page.getByRole('button', { name: /Desktop/ }).click();
  // Whatever the frame would load starts while it parses; give the network time to settle.
  await page.waitForLoadState('networkidle');
  expect(leaving, 'requests to other origins before consent').toEqual([]);
  expect(remoteHits, 'hits on the remote server before consent').toEqual([]);
  expect(remoteConnections, 'connections to the remote server before consent').toBe(0);

  await consent.click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Remote images of this email are shown' }),
  ).toBeVisible();
  await expect.poll(() => remoteConnections).toBeGreaterThan(0);
  // The email frame is sandboxed into its own renderer, whose requests page.on('request')
  // reports late or not at all; the browser's own failure lines name every https URL tried.
  const tried = () =>
    consoleErrors.messages.flatMap((line) => {
      const match = new RegExp(`\\((${httpsBase.replace(/\./g, '\\.')}/[^)]*)\\)`).exec(line);
      return match?.[1] === undefined ? [] : [new URL(match[1]).pathname];
    });
  await expect.poll(tried).toContain('/img');
  await page.waitForLoadState('networkidle');

  // Only image vectors over https, and never the plain-http server.
  const allowed = new Set([
    '/img',
    '/img-srcset',
    '/picture-source',
    '/table-background',
    '/td-background',
    '/body-background',
  ]);
  expect(
    tried().filter((path) => !allowed.has(path)),
    'https URLs tried after consent that are not images',
  ).toEqual([]);
  expect(
    leaving.filter(
      (url) => !url.startsWith(`${httpsBase}/`) || !allowed.has(new URL(url).pathname),
    ),
    'requests to other origins after consent, but https images',
  ).toEqual([]);
  expect(remoteHits, 'hits on the plain-http server after consent').toEqual([]);
});
