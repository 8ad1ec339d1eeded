import { expect, test } from './support/fixtures';

test('serves the app with its security headers, and the app runs under that policy', async ({
  page,
}) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The consoleErrors fixture fails the test on any CSP violation the page reports.
});

test('opens a deep link directly, as after a reload or a pasted URL', async ({ page }) => {
  const response = await page.goto('/messages/some-channel/some-message');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toContain('text/html');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The app itself routed the deep link; an unconnected visitor may be sent to Connect
  // first, with the address they asked for kept in `next`.
  const url = new URL(page.url());
  const target = url.pathname === '/connect' ? url.searchParams.get('next') : url.pathname;
  expect(target).toBe('/messages/some-channel/some-message');
});

test('answers unknown server paths with a JSON 404, not the app', async ({ request }) => {
  const response = await request.get('/healthz/no-such-route', {
    headers: { accept: 'text/html,application/json' },
  });
  expect(response.status()).toBe(404);
  expect(await response.json()).toMatchObject({ code: 'NotFound' });
});

test('reports healthy', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});
