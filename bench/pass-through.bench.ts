import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Agent as HttpAgent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { Pool } from 'undici';
import { DEFAULT_CHANNEL_IDS } from '../server/sandbox/store';
import type { BenchResult } from './types';

/**
 * The pass-through's cost: listing 50 messages through Perch's `/api` against calling the
 * upstream directly, and against http-proxy-middleware configured the same way (key added,
 * cookie dropped, `/api` stripped, keep-alive to the upstream, 30 s timeouts, no redirects).
 *
 * Like in real use, the upstream and the proxy each run in a process of their own (Bird is
 * another machine; Perch is a server process); the load comes from this one, on loopback.
 * The upstream is the standalone sandbox with 5,000 seeded messages (the SMS channel's page).
 * Bounded: a few thousand requests and a few seconds per figure, all to 127.0.0.1.
 */

const ROLE = 'PERCH_BENCH_ROLE';
const UPSTREAM = 'PERCH_BENCH_UPSTREAM';
const KEY = 'bench-access-key-0123456789';
const SEEDED_MESSAGES = 5000;

/** Sequential requests per target and round, for the latency figures. */
const LATENCY_REQUESTS = 500;
const LATENCY_WARMUP = 300;
const CONCURRENCY = 16;
/** Per round and target: this many windows of concurrent requests, this long each. */
const THROUGHPUT_WINDOWS = 6;
const THROUGHPUT_WINDOW_MS = 250;
const WARMUP_MS = 500;
/**
 * The machine's load drifts (other processes share its cores), so every figure comes from
 * rounds in which the three targets take turns: short throughput windows one after another,
 * and latency requests interleaved one by one, the starting target rotating. A ratio or a
 * difference is computed within each round, and the figure is the median over the rounds.
 */
const ROUNDS = 5;

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/**
 * The upstream is the sandbox itself (standalone, in-memory, seeded, rate limits off), as
 * the issue asks: "listing 50 messages through /api against calling the sandbox directly".
 */
async function serveSandbox(): Promise<{ port: number; workspaceId: string }> {
  const { createSandbox } = await import('../server/sandbox/create-sandbox');
  const { buildStandaloneApp } = await import('../server/sandbox/http/standalone-app');
  const { systemClock } = await import('../server/clock');
  const sandbox = createSandbox({
    dataDir: ':memory:',
    clock: systemClock,
    accessKey: KEY,
    rateLimits: false,
    seedOnEmpty: SEEDED_MESSAGES,
  });
  const app = await buildStandaloneApp(sandbox);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, workspaceId: sandbox.workspaceId };
}

/**
 * Perch's real server, started as `npm start` starts it (startPerch: host check, security
 * headers, its warn-level logger, the in-process sandbox, connections), in Bird mode with
 * the upstream as Bird. Its sandbox is empty and its data lives in a temporary folder.
 */
async function servePerch(upstream: string): Promise<number> {
  const { startPerch } = await import('../server/main');
  const { parseConfig } = await import('../server/config');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'perch-bench-'));
  process.once('exit', () => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  const result = parseConfig(['--port', '0', '--data-dir', dataDir, '--sandbox-seed', '0'], {
    PERCH_BIRD_API: upstream,
    PERCH_BIRD_MEDIA: upstream,
  });
  if (result.kind !== 'config') throw new Error('unexpected --help');
  const server = await startPerch(result.config, { distDir: null });
  return (server.app.server.address() as AddressInfo).port;
}

/** http-proxy-middleware doing the same job. */
async function serveHttpProxyMiddleware(upstream: string): Promise<number> {
  const proxy = createProxyMiddleware({
    target: upstream,
    changeOrigin: true,
    pathFilter: '/api',
    pathRewrite: { '^/api': '' },
    agent: new HttpAgent({ keepAlive: true, maxSockets: 128 }),
    proxyTimeout: 30_000,
    timeout: 30_000,
    followRedirects: false,
    on: {
      proxyReq: (proxyReq) => {
        proxyReq.removeHeader('cookie');
        proxyReq.setHeader('authorization', `AccessKey ${KEY}`);
      },
    },
  });
  return listen(
    createServer((req, res) => {
      void proxy(req, res, () => {
        res.writeHead(404).end();
      });
    }),
  );
}

async function serveRole(role: string): Promise<void> {
  process.once('SIGTERM', () => {
    process.exit(0);
  });
  const upstream = process.env[UPSTREAM] ?? '';
  if (role === 'upstream') {
    const { port, workspaceId } = await serveSandbox();
    process.stdout.write(`READY ${String(port)} ${workspaceId}\n`);
    return;
  }
  const port =
    role === 'perch' ? await servePerch(upstream) : await serveHttpProxyMiddleware(upstream);
  process.stdout.write(`READY ${String(port)}\n`);
}

interface Child {
  process: ChildProcess;
  origin: string;
  /** The upstream sandbox's workspace; empty for the proxies. */
  workspaceId: string;
}

async function startChild(role: string, upstream = ''): Promise<Child> {
  // tsx by absolute URL, so the children load TypeScript whatever the working directory.
  const tsx = import.meta.resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, fileURLToPath(import.meta.url)], {
    env: { ...process.env, [ROLE]: role, [UPSTREAM]: upstream },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const [port, workspaceId] = await new Promise<[string, string]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /READY (\d+)(?: (\S+))?\n/.exec(output);
      if (match?.[1] !== undefined) resolve([match[1], match[2] ?? '']);
    });
    child.once('exit', (code) => {
      reject(new Error(`${role} exited with ${String(code)} before it was ready`));
    });
  });
  return { process: child, origin: `http://127.0.0.1:${port}`, workspaceId };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = once(child.process, 'exit');
  child.process.kill('SIGTERM');
  await exited;
}

/**
 * CPU time a child has used so far, in ms: the time on CPU of each of its threads (the
 * event loop, GC and libuv helpers), from Linux's /proc/<pid>/task/<tid>/schedstat, which
 * counts nanoseconds (/proc/<pid>/stat counts 10 ms ticks, too coarse for a few hundred
 * microseconds a request).
 */
function cpuMs(child: Child | undefined): number {
  if (child?.process.pid === undefined) return 0;
  const tasks = `/proc/${String(child.process.pid)}/task`;
  let ns = 0;
  for (const tid of readdirSync(tasks)) {
    try {
      ns += Number(readFileSync(`${tasks}/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return ns / 1e6;
}

interface Target {
  label: string;
  /** The proxy process in the path, if any. */
  proxy?: Child;
  pool: Pool;
  path: string;
  headers: Record<string, string>;
}

async function fetchPage(target: Target): Promise<void> {
  const response = await target.pool.request({
    path: target.path,
    method: 'GET',
    headers: target.headers,
  });
  const body = await response.body.arrayBuffer();
  if (response.statusCode !== 200 || body.byteLength < 10_000) {
    throw new Error(`${target.label}: status ${String(response.statusCode)}`);
  }
}

async function warmUp(target: Target): Promise<void> {
  for (let i = 0; i < LATENCY_WARMUP; i += 1) await fetchPage(target);
}

/**
 * Sequential latencies of every target, sampled in turn (the start rotating), so a burst of
 * load elsewhere on the machine lands on all of them alike. One array per target, in order.
 */
async function interleavedLatencies(targets: readonly Target[]): Promise<number[][]> {
  const times = targets.map((): number[] => []);
  for (let i = 0; i < LATENCY_REQUESTS; i += 1) {
    for (let turn = 0; turn < targets.length; turn += 1) {
      const index = (i + turn) % targets.length;
      const target = targets[index];
      if (target === undefined) continue;
      const start = performance.now();
      await fetchPage(target);
      times[index]?.push(performance.now() - start);
    }
  }
  return times;
}

interface Rate {
  rps: number;
  /** Proxy CPU per request, in ms (0 for direct). */
  cpuPerRequest: number;
}

/** Requests completed, the time they took and the proxy CPU they used, summed over windows. */
interface Tally {
  completed: number;
  ms: number;
  cpuMs: number;
}

/**
 * One throughput window: CONCURRENCY loops requesting pages until `ms` ran out. Counted over
 * the time until the last request finished, not the nominal window.
 */
async function throughputWindow(target: Target, ms: number, tally: Tally): Promise<void> {
  let completed = 0;
  const cpuBefore = cpuMs(target.proxy);
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await fetchPage(target);
        completed += 1;
      }
    }),
  );
  tally.completed += completed;
  tally.ms += performance.now() - start;
  tally.cpuMs += cpuMs(target.proxy) - cpuBefore;
}

/**
 * Throughput of every target, in short windows taken in turn (the start rotating), so a
 * burst of load elsewhere on the machine lands on all of them alike.
 */
async function interleavedRates(targets: readonly Target[]): Promise<Rate[]> {
  const tallies = targets.map((): Tally => ({ completed: 0, ms: 0, cpuMs: 0 }));
  for (let window = 0; window < THROUGHPUT_WINDOWS; window += 1) {
    for (let turn = 0; turn < targets.length; turn += 1) {
      const index = (window + turn) % targets.length;
      const target = targets[index];
      const tally = tallies[index];
      if (target !== undefined && tally !== undefined) {
        await throughputWindow(target, THROUGHPUT_WINDOW_MS, tally);
      }
    }
  }
  return tallies.map((tally) => ({
    rps: tally.completed / (tally.ms / 1000),
    cpuPerRequest: tally.cpuMs / tally.completed,
  }));
}

async function connectPerch(origin: string, workspaceId: string): Promise<string> {
  const response = await fetch(`${origin}/session`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'bird', accessKey: KEY, workspaceId }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';', 1)[0];
  if (response.status !== 200 || cookie === undefined) {
    throw new Error(`Perch did not connect: ${String(response.status)} ${await response.text()}`);
  }
  return cookie;
}

const HPM = 'http-proxy-middleware';

interface Round {
  rates: Map<string, Rate | undefined>;
  p50: Map<string, number>;
}

/** The median; for an even count, the mean of the middle two. */
const median = (values: readonly number[] = []): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  if (sorted.length === 0) return Number.NaN;
  if (Number.isInteger(middle)) {
    return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  }
  return sorted[Math.floor(middle)] ?? Number.NaN;
};

export async function run(): Promise<BenchResult[]> {
  const upstream = await startChild('upstream');
  const children: Child[] = [upstream];
  const pools: Pool[] = [];
  try {
    const perch = await startChild('perch', upstream.origin);
    children.push(perch);
    const hpm = await startChild('hpm', upstream.origin);
    children.push(hpm);
    const cookie = await connectPerch(perch.origin, upstream.workspaceId);
    const listPath = `/workspaces/${upstream.workspaceId}/channels/${DEFAULT_CHANNEL_IDS.sms}/messages?limit=50`;

    const pool = (origin: string): Pool => {
      const created = new Pool(origin, { connections: CONCURRENCY, pipelining: 1 });
      pools.push(created);
      return created;
    };
    const targets: Target[] = [
      {
        label: 'direct',
        pool: pool(upstream.origin),
        path: listPath,
        headers: { authorization: `AccessKey ${KEY}` },
      },
      {
        label: 'perch',
        proxy: perch,
        pool: pool(perch.origin),
        path: `/api${listPath}`,
        headers: { cookie },
      },
      {
        label: HPM,
        proxy: hpm,
        pool: pool(hpm.origin),
        path: `/api${listPath}`,
        headers: { cookie },
      },
    ];

    for (const target of targets) {
      await warmUp(target);
      await throughputWindow(target, WARMUP_MS, { completed: 0, ms: 0, cpuMs: 0 });
    }
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const rates = await interleavedRates(targets);
      const latencies = await interleavedLatencies(targets);
      rounds.push({
        rates: new Map(targets.map((target, index) => [target.label, rates[index]])),
        p50: new Map(targets.map((target, index) => [target.label, median(latencies[index])])),
      });
    }

    const rate = (round: Round, label: string): Rate =>
      round.rates.get(label) ?? { rps: Number.NaN, cpuPerRequest: Number.NaN };
    const p50Of = (round: Round, label: string): number => round.p50.get(label) ?? Number.NaN;
    /** The median over rounds of a figure computed within each round. */
    const overRounds = (figure: (round: Round) => number): number => median(rounds.map(figure));
    for (const { label } of targets) {
      process.stderr.write(
        `  ${label.padEnd(22)} ${overRounds((r) => rate(r, label).rps)
          .toFixed(0)
          .padStart(6)} req/s` +
          `   p50 ${overRounds((r) => p50Of(r, label)).toFixed(3)} ms` +
          `   proxy CPU ${(overRounds((r) => rate(r, label).cpuPerRequest) * 1000).toFixed(0)} µs/request\n`,
      );
    }
    const perRound = (name: string, values: (round: Round) => number): void => {
      process.stderr.write(
        `  ${name.padEnd(22)} ${rounds.map((round) => values(round).toFixed(2)).join(' ')}\n`,
      );
    };
    perRound('throughput ×direct', (r) => rate(r, 'perch').rps / rate(r, 'direct').rps);
    perRound('added p50 ms', (r) => p50Of(r, 'perch') - p50Of(r, 'direct'));

    return [
      {
        name: 'pass-through: /api throughput vs direct (50 messages)',
        value: overRounds((r) => rate(r, 'perch').rps / rate(r, 'direct').rps),
        unit: '×',
        target: 0.8,
        better: 'higher',
      },
      {
        name: 'pass-through: added p50 latency (50 messages)',
        value: overRounds((r) => p50Of(r, 'perch') - p50Of(r, 'direct')),
        unit: 'ms',
        target: 1,
        better: 'lower',
      },
      {
        name: 'pass-through: throughput vs http-proxy-middleware',
        value: overRounds((r) => rate(r, 'perch').rps / rate(r, HPM).rps),
        unit: '×',
        target: 1,
        better: 'higher',
      },
      {
        name: 'pass-through: p50 vs http-proxy-middleware',
        value: overRounds((r) => p50Of(r, 'perch') / p50Of(r, HPM)),
        unit: '×',
        target: 1,
        better: 'lower',
      },
      {
        name: 'pass-through: proxy CPU per request vs http-proxy-middleware',
        value: overRounds((r) => rate(r, 'perch').cpuPerRequest / rate(r, HPM).cpuPerRequest),
        unit: '×',
        target: 1,
        better: 'lower',
      },
    ];
  } finally {
    await Promise.all(pools.map((created) => created.close()));
    for (const child of children.reverse()) await stopChild(child);
  }
}

const role = process.env[ROLE];
if (role !== undefined) {
  serveRole(role).catch((error: unknown) => {
    process.stderr.write(`bench ${role} failed: ${String(error)}\n`);
    process.exit(1);
  });
}
