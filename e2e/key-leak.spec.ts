import type { Page, Request, Response } from '@playwright/test';
import { messageListSchema } from '../src/lib/bird/message';
import { sessionInfoSchema } from '../src/lib/perch/session';
import { expect, test } from './support/fixtures';

/**
 * Issue 4's key-leak test: the sandbox runs with a key this test knows
 * (playwright.config.ts passes `--sandbox-access-key`). After connecting and visiting every
 * page, the key must appear nowhere the browser can see: no URL, no request or response
 * header or body, no page, no storage, no cookie. (The server log is checked by the
 * connections unit tests.)
 */

const sandboxKey = process.env.PERCH_E2E_SANDBOX_KEY ?? '';

/** The forms a key could take on the way: as is, URL-encoded, base64 (Basic auth, tokens). */
function keyForms(key: string): string[] {
  return [
    key,
    encodeURIComponent(key),
    Buffer.from(key).toString('base64'),
    Buffer.from(key).toString('base64url'),
  ];
}

interface Seen {
  where: string;
  text: string;
}

/** Everything that passes between this page and any server, kept as text. */
function recordTraffic(page: Page): { seen: Seen[]; settled: () => Promise<void> } {
  const seen: Seen[] = [];
  const pending: Promise<void>[] = [];

  const onRequest = (request: Request) => {
    pending.push(
      (async () => {
        const where = `request ${request.method()} ${request.url()}`;
        seen.push({ where: `${where} (url)`, text: request.url() });
        seen.push({ where: `${where} headers`, text: JSON.stringify(await request.allHeaders()) });
        const body = request.postDataBuffer();
        if (body !== null) seen.push({ where: `${where} body`, text: body.toString('latin1') });
      })(),
    );
  };
  const onResponse = (response: Response) => {
    pending.push(
      (async () => {
        const where = `response ${String(response.status())} ${response.url()}`;
        seen.push({ where: `${where} headers`, text: JSON.stringify(await response.allHeaders()) });
        // Redirects and aborted navigations have no body to read.
        const body = await response.body().catch(() => null);
        if (body !== null) seen.push({ where: `${where} body`, text: body.toString('latin1') });
      })(),
    );
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  return {
    seen,
    settled: async () => {
      await Promise.all(pending);
    },
  };
}

/** localStorage, sessionStorage, IndexedDB (names and every record) and document.cookie. */
async function browserStorage(page: Page): Promise<Seen[]> {
  const dump = await page.evaluate(async () => {
    const storage = (area: Storage) => {
      const entries: Record<string, string | null> = {};
      for (let i = 0; i < area.length; i += 1) {
        const key = area.key(i);
        if (key !== null) entries[key] = area.getItem(key);
      }
      return entries;
    };
    const readDatabase = (name: string) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => {
          reject(new Error(`cannot open IndexedDB ${name}`));
        };
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          const contents: Record<string, unknown[]> = {};
          if (stores.length === 0) {
            db.close();
            resolve(contents);
            return;
          }
          const transaction = db.transaction(stores, 'readonly');
          for (const store of stores) {
            const all = transaction.objectStore(store).getAll();
            all.onsuccess = () => {
              contents[store] = all.result;
            };
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(contents);
          };
          transaction.onerror = () => {
            reject(new Error(`cannot read IndexedDB ${name}`));
          };
        };
      });
    const databases = await indexedDB.databases();
    const indexed: Record<string, Record<string, unknown[]>> = {};
    for (const { name } of databases) {
      if (name !== undefined) indexed[name] = await readDatabase(name);
    }
    return {
      localStorage: storage(localStorage),
      sessionStorage: storage(sessionStorage),
      indexedDB: indexed,
      documentCookie: document.cookie,
    };
  });
  return Object.entries(dump).map(([where, value]) => ({ where, text: JSON.stringify(value) }));
}

test('the access key reaches nothing the browser can see', async ({ page, context }) => {
  expect(sandboxKey, 'playwright.config.ts sets PERCH_E2E_SANDBOX_KEY').not.toBe('');
  const traffic = recordTraffic(page);
  const pages: Seen[] = [];
  const visit = async (path: string, headingName: string | RegExp) => {
    await page.goto(path);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: headingName,
        exact: typeof headingName === 'string',
      }),
    ).toBeVisible();
    pages.push({ where: `page ${path}`, text: await page.content() });
    pages.push(
      ...(await browserStorage(page)).map((s) => ({ ...s, where: `${s.where} on ${path}` })),
    );
  };

  await visit('/connect', 'Connect');
  await page.getByRole('button', { name: 'Use the sandbox' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: /^Sandbox/ })).toHaveText(
    `Sandbox · key …${sandboxKey.slice(-4)}`,
  );

  // A real message to open, read through Perch (the test holds no key either).
  const session = sessionInfoSchema.parse(await (await page.request.get('/session')).json());
  if (!session.connected) throw new Error('expected a session after connecting');
  const list = await page.request.get(`/api/workspaces/${session.workspaceId}/messages?limit=1`);
  const [message] = messageListSchema.parse(await list.json()).results;
  if (message === undefined) throw new Error('the seeded sandbox has no messages');

  await visit('/messages', 'Messages');
  await visit(`/messages/${message.channelId}/${message.id}`, /^(Outgoing|Incoming) message$/);
  await visit('/compose', 'Compose');
  await visit('/media', 'Media');
  await visit('/connect', 'Connect');
  await expect(page.getByRole('table')).toBeVisible();
  pages.push({ where: 'page /connect with channels', text: await page.content() });
  await visit('/no-such-page', 'Page not found');

  await traffic.settled();
  const cookies = await context.cookies();
  const everything: Seen[] = [
    ...traffic.seen,
    ...pages,
    { where: 'context cookies', text: JSON.stringify(cookies) },
    { where: 'visited URLs', text: page.url() },
  ];

  // The recording works: it holds the session's answers (workspace id, key hint, cookie).
  expect(everything.some((s) => s.text.includes(session.workspaceId))).toBe(true);
  expect(
    everything.some((s) => s.where.startsWith('response 200') && s.where.includes('/api/')),
  ).toBe(true);
  expect(cookies.some((cookie) => cookie.httpOnly)).toBe(true);

  const leaks = everything
    .filter((s) => keyForms(sandboxKey).some((form) => s.text.includes(form)))
    .map((s) => s.where);
  expect(leaks, 'places where the access key showed up').toEqual([]);
});
