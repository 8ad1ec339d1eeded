import { type Browser, type BrowserContext, chromium } from '@playwright/test';
import { chromiumArgs, ensureChromium } from '../../e2e/support/chromium';

/** Headless Chromium, found (or installed) the way the end-to-end tests find it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(...)`;
 * functions handed to `page.evaluate` carry those calls into the page, so define it there.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name = (target) => target;';

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A fresh context (empty cache) at Perch's origin, with `storageState`'s cookies if given. */
export async function freshContext(
  browser: Browser,
  origin: string,
  storageState?: StorageState,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1280, height: 800 },
    ...(storageState === undefined ? {} : { storageState }),
  });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  return context;
}

/**
 * A fresh context (empty cache, no cookies) at Perch's origin, with a session made through
 * `POST /session` as the Connect page makes it; the cookie lands in the context.
 */
export async function connectedContext(
  browser: Browser,
  origin: string,
  session: Record<string, string>,
): Promise<BrowserContext> {
  const context = await freshContext(browser, origin);
  const response = await context.request.post('/session', {
    data: session,
    headers: { origin },
  });
  if (response.status() !== 200) {
    await context.close();
    throw new Error(`POST /session: ${String(response.status())} ${await response.text()}`);
  }
  return context;
}

/**
 * The cookies a first visit to /messages leaves an operator connected with `session`: the
 * session and `perch-view` (their preferences), with which the server sends a returning
 * operator's first rows in the page's HTML.
 */
export async function returningOperatorState(
  browser: Browser,
  origin: string,
  session: Record<string, string>,
): Promise<StorageState> {
  const context = await connectedContext(browser, origin, session);
  try {
    const page = await context.newPage();
    await page.goto('/messages');
    await page.getByRole('table', { name: 'Messages' }).getByRole('row').nth(1).waitFor();
    const storageState = await context.storageState();
    if (!storageState.cookies.some((cookie) => cookie.name === 'perch-view')) {
      throw new Error('the first visit left no perch-view cookie');
    }
    return storageState;
  } finally {
    await context.close();
  }
}
