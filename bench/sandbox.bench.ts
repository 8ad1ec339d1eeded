import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'undici';
import { systemClock } from '../server/clock';
import { DATABASE_FILE, openDatabase } from '../server/sandbox/db/open-database';
import { seedMessages } from '../server/sandbox/seed/seed';
import { encodePageToken } from '../server/sandbox/store/page-token';
import { DEFAULT_CHANNEL_IDS } from '../server/sandbox/store/workspace';
import type { BenchResult } from './types';

/**
 * The sandbox at scale: 1,000,000 seeded messages in a temporary data dir, served over
 * loopback by the standalone sandbox (`server/sandbox/main.ts`, rate limits off) in a
 * process of its own; the requests come from this one.
 *
 * - seed time for the million (in this process, before the server starts);
 * - a page of 50 for each list filter alone and three common combinations (p95);
 * - the page 10,000 deep (500,000 rows in) against the first page (p95 ratio);
 * - `subject` word/prefix search (p95 over a mix of words);
 * - sustained sends (E3, 32 in flight, the lifecycle scheduler running).
 */

const MESSAGES = Number(process.env.PERCH_BENCH_SANDBOX_MESSAGES ?? 1_000_000);
const KEY = 'sandbox-bench-access-key-0123456789';
const PAGE = 50;
const WARMUP = 20;
const SAMPLES = 200;
const SEND_CONCURRENCY = 32;
const SEND_MS = 5000;
const DAY = 86_400_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Server {
  process: ChildProcess;
  pool: Pool;
  workspaceId: string;
}

async function startSandbox(dataDir: string): Promise<Server> {
  const tsx = import.meta.resolve('tsx');
  const args = ['--port', '0', '--data-dir', dataDir, '--rate-limits', 'off', '--access-key', KEY];
  const child = spawn(
    process.execPath,
    ['--import', tsx, path.join(root, 'server/sandbox/main.ts'), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  const ready = await new Promise<{ url: string; workspaceId: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /listening at (\S+)/.exec(output)?.[1];
      const workspaceId = /workspace id:\s+(\S+)/.exec(output)?.[1];
      if (url !== undefined && workspaceId !== undefined) resolve({ url, workspaceId });
    });
    child.once('exit', (code) => {
      reject(new Error(`the sandbox exited with ${String(code)} before it was ready`));
    });
  });
  return {
    process: child,
    pool: new Pool(ready.url, { connections: SEND_CONCURRENCY, pipelining: 1 }),
    workspaceId: ready.workspaceId,
  };
}

async function stopSandbox(server: Server): Promise<void> {
  await server.pool.close();
  if (server.process.exitCode !== null) return;
  const exited = once(server.process, 'exit');
  server.process.kill('SIGTERM');
  await exited;
}

const headers = { authorization: `AccessKey ${KEY}` };

async function get(server: Server, pathAndQuery: string): Promise<unknown> {
  const response = await server.pool.request({ path: pathAndQuery, method: 'GET', headers });
  const body: unknown = await response.body.json();
  if (response.statusCode !== 200) {
    throw new Error(`GET ${pathAndQuery}: ${String(response.statusCode)} ${JSON.stringify(body)}`);
  }
  return body;
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

/** p95 latency of GETs, cycling through `queries` (warm-up first, one request at a time). */
async function latency(server: Server, queries: readonly string[]): Promise<number> {
  const list = `/workspaces/${server.workspaceId}/messages`;
  const url = (i: number): string =>
    `${list}?limit=${String(PAGE)}&${queries[i % queries.length] ?? ''}`;
  for (let i = 0; i < WARMUP; i++) await get(server, url(i));
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await get(server, url(i));
    times.push(performance.now() - start);
  }
  return p95(times);
}

/** Filter values drawn from the seeded data (read-only, beside the running server). */
function sampleValues(dataDir: string) {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const column = (sql: string): string[] => db.prepare<[], string>(sql).pluck().all();
    const deep = db
      .prepare<[number], { created_at: number; id: string }>(
        'SELECT created_at, id FROM messages ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?',
      )
      .get(10_000 * PAGE - PAGE - 1);
    const newest = db.prepare<[], number>('SELECT max(created_at) FROM messages').pluck().get();
    return {
      to: column('SELECT identifier FROM message_receivers ORDER BY random() LIMIT 40'),
      from: column('SELECT sender FROM messages ORDER BY random() LIMIT 40'),
      batchId: column('SELECT DISTINCT batch_id FROM messages WHERE batch_id IS NOT NULL LIMIT 40'),
      deepToken: deep ? encodePageToken({ createdAt: deep.created_at, id: deep.id }) : '',
      newest: newest ?? systemClock.now(),
    };
  } finally {
    db.close();
  }
}

const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();

async function sends(server: Server): Promise<number> {
  const sendPath = `/workspaces/${server.workspaceId}/channels/${DEFAULT_CHANNEL_IDS.sms}/messages`;
  let completed = 0;
  const end = performance.now() + SEND_MS;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: SEND_CONCURRENCY }, async (_, worker) => {
      for (let n = 0; performance.now() < end; n++) {
        const body = JSON.stringify({
          receiver: {
            contacts: [
              {
                identifierValue: `+316${String(worker).padStart(2, '0')}${String(n % 100000).padStart(6, '0')}`,
              },
            ],
          },
          body: { type: 'text', text: { text: `Bench message ${String(n)}` } },
          tags: ['bench'],
        });
        const response = await server.pool.request({
          path: sendPath,
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body,
        });
        await response.body.dump();
        if (response.statusCode !== 202) throw new Error(`send: ${String(response.statusCode)}`);
        completed += 1;
      }
    }),
  );
  return completed / ((performance.now() - start) / 1000);
}

const ms = (name: string, value: number, target: number): BenchResult => ({
  name,
  value,
  unit: 'ms',
  target,
  better: 'lower',
});

export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'perch-sandbox-bench-'));
  try {
    const db = openDatabase(dataDir);
    const seedStart = performance.now();
    seedMessages({ db, clock: systemClock, count: MESSAGES });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    db.close();

    const values = sampleValues(dataDir);
    const server = await startSandbox(dataDir);
    try {
      const results: BenchResult[] = [
        {
          name: `sandbox seed, ${MESSAGES.toLocaleString('en')} messages`,
          value: seedSeconds,
          unit: 's',
          target: 60,
          better: 'lower',
        },
      ];
      const week = (i: number) => new Date(values.newest - (i + 1) * 7 * DAY).toISOString();
      const day = (i: number) => new Date(values.newest - (i + 1) * DAY).toISOString();
      const statuses = ['delivered', 'sent', 'delivery_failed', 'sending_failed', 'rejected'];
      const filters: [string, string[]][] = [
        ['no filter', ['']],
        ['channelId', Object.values(DEFAULT_CHANNEL_IDS).map((channelId) => q({ channelId }))],
        [
          'platform',
          ['sms-messagebird', 'whatsapp', 'email-messagebird', 'telegram'].map((platform) =>
            q({ platform }),
          ),
        ],
        ['startAt', [0, 1, 2, 3].map((i) => q({ startAt: week(i) }))],
        ['endAt', [0, 1, 2, 3].map((i) => q({ endAt: week(i) }))],
        ['from', values.from.map((from) => q({ from }))],
        ['to', values.to.map((to) => q({ to }))],
        [
          'tag',
          ['billing', 'promo', 'otp', 'newsletter', 'vip', 'black friday'].map((tag) => q({ tag })),
        ],
        ['batchId', values.batchId.map((batchId) => q({ batchId }))],
        ['status', statuses.map((status) => q({ status }))],
        ['direction', ['incoming', 'outgoing'].map((direction) => q({ direction }))],
        [
          'channel + status',
          statuses.map((status) => q({ channelId: DEFAULT_CHANNEL_IDS.sms, status })),
        ],
        [
          'platform + direction',
          ['whatsapp', 'sms-messagebird'].map((platform) => q({ platform, direction: 'incoming' })),
        ],
        ['status + last day', statuses.map((status, i) => q({ status, startAt: day(i) }))],
      ];
      for (const [name, queries] of filters) {
        results.push(
          ms(`sandbox list of ${String(PAGE)}, ${name} (p95)`, await latency(server, queries), 20),
        );
      }

      const deepPage = (await get(
        server,
        `/workspaces/${server.workspaceId}/messages?${q({ limit: String(PAGE), pageToken: values.deepToken })}`,
      )) as { results?: unknown[] };
      if (deepPage.results?.length !== PAGE) throw new Error('the deep page token found no page');
      const first = await latency(server, ['']);
      const deep = await latency(server, [q({ pageToken: values.deepToken })]);
      results.push({
        name: 'sandbox list, page 10,000 vs page 1 (p95 ratio)',
        value: deep / first,
        unit: '×',
        target: 2,
        better: 'lower',
      });

      const words = [
        'invoice',
        'inv',
        'order shipped',
        'welcome',
        'reset password',
        'digest',
        'statement',
        'we miss',
        're',
        'confirmed',
        'zzzz',
      ];
      results.push(
        ms(
          'sandbox list, subject search (p95)',
          await latency(
            server,
            words.map((subject) => q({ subject })),
          ),
          50,
        ),
      );

      results.push({
        name: 'sandbox sends (E3, 32 in flight)',
        value: await sends(server),
        unit: 'msg/s',
        target: 1000,
        better: 'higher',
      });
      return results;
    } finally {
      await stopSandbox(server);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
