import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import type { Browser } from '@playwright/test';
import { request } from 'undici';
import { MAX_UPLOAD_BYTES } from '../src/lib/bird/decisions';
import { presignedUploadSchema } from '../src/lib/bird/presigned-upload';
import { perchPresignedUploadSchema } from '../src/lib/perch/upload';
import { connectedContext, launchChromium } from './support/browser';
import { postForm, uploadForm } from './support/multipart-upload';
import { startPerch, startStandaloneSandbox } from './support/server-process';
import { MiB, median } from './support/stats';
import { largestGap, recordUploadProgress } from './support/upload-progress-probe';
import type { BenchResult } from './types';

/**
 * A 100 MiB upload (E10) through Perch's `/upload` relay against the same upload straight
 * to the sandbox, in one run (issue #8). As in real use the upstream is another process:
 * the standalone sandbox (its own data dir, rate limits off) stands in for Bird, and Perch
 * (`server/start.ts`, connected in Bird mode to it) relays. The uploads come from this
 * process, streamed from a file on disk; rounds alternate direct and relayed after one
 * warm-up of each.
 *
 * - throughput ratio: median relayed MiB/s over median direct MiB/s;
 * - Perch's memory growth: its VmRSS (/proc) sampled every 20 ms during each relayed
 *   upload, the peak minus the value just before it; the worst round;
 * - the browser: the real /media page in headless Chromium, the file set on the drop
 *   zone's input; the largest time between two upload events (loadstart, progress, load)
 *   of its XMLHttpRequest, recorded by an init script.
 */

const KEY = 'upload-bench-access-key-0123456789';
const FILE_BYTES = MAX_UPLOAD_BYTES;
const ROUNDS = 5;
const SAMPLE_MS = 20;
const FILE = { name: 'bench-upload.pdf', contentType: 'application/pdf' };

/** A PDF by its magic bytes (the browser sniffs them), padded to exactly `bytes`. */
async function writePdf(file: string, bytes: number): Promise<void> {
  const head = Buffer.from('%PDF-1.7\n% Perch upload benchmark\n');
  const tail = Buffer.from('\n%%EOF\n');
  const chunk = Buffer.alloc(MiB, '% filler line for the upload benchmark\n');
  const out = createWriteStream(file);
  out.write(head);
  let left = bytes - head.length - tail.length;
  while (left > 0) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    left -= piece.length;
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end(tail);
  await finished(out);
}

/** Resident memory of a process, in bytes (Linux). */
function rss(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  if (match?.[1] === undefined) throw new Error(`no VmRSS for pid ${String(pid)}`);
  return Number(match[1]) * 1024;
}

/** Runs `work` while sampling `pid`'s RSS; returns the peak minus the value before. */
async function rssGrowthDuring(pid: number, work: () => Promise<void>): Promise<number> {
  const before = rss(pid);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rss(pid));
  }, SAMPLE_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, rss(pid));
  return peak - before;
}

async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; json: unknown; setCookie: string | undefined }> {
  const response = await request(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const setCookie = response.headers['set-cookie'];
  return {
    status: response.statusCode,
    json: await response.body.json(),
    setCookie: Array.isArray(setCookie) ? setCookie[0] : setCookie,
  };
}

interface Endpoints {
  sandbox: string;
  perch: string;
  workspaceId: string;
  cookie: string;
}

const presignPath = (workspaceId: string): string =>
  `/workspaces/${workspaceId}/channel-media/presigned-upload`;

async function uploadDirect(endpoints: Endpoints, file: string): Promise<number> {
  const answer = await postJson(
    `${endpoints.sandbox}${presignPath(endpoints.workspaceId)}`,
    { authorization: `AccessKey ${KEY}` },
    { contentType: FILE.contentType },
  );
  if (answer.status !== 200) throw new Error(`presign: ${String(answer.status)}`);
  const presigned = presignedUploadSchema.parse(answer.json);
  const start = performance.now();
  await postForm(
    presigned.uploadUrl,
    uploadForm(presigned.uploadFormData, { ...FILE, path: file }),
  );
  return performance.now() - start;
}

async function presignThroughPerch(endpoints: Endpoints) {
  const answer = await postJson(
    `${endpoints.perch}/api${presignPath(endpoints.workspaceId)}`,
    { cookie: endpoints.cookie, origin: endpoints.perch },
    { contentType: FILE.contentType },
  );
  if (answer.status !== 200) throw new Error(`presign through Perch: ${String(answer.status)}`);
  return perchPresignedUploadSchema.parse(answer.json);
}

async function uploadRelayed(
  endpoints: Endpoints,
  file: string,
  perchPid: number,
): Promise<{ ms: number; growth: number }> {
  const presigned = await presignThroughPerch(endpoints);
  let ms = 0;
  const growth = await rssGrowthDuring(perchPid, async () => {
    const start = performance.now();
    await postForm(
      `${endpoints.perch}${presigned.perchUploadPath}`,
      uploadForm(presigned.uploadFormData, { ...FILE, path: file }),
      { cookie: endpoints.cookie, origin: endpoints.perch },
    );
    ms = performance.now() - start;
  });
  return { ms, growth };
}

interface BrowserUpload {
  largestGap: number;
  events: number;
  ms: number;
}

/** The /media page uploads the file; returns its XHR's upload events. */
async function uploadInBrowser(
  browser: Browser,
  endpoints: Endpoints,
  file: string,
): Promise<BrowserUpload> {
  const context = await connectedContext(browser, endpoints.perch, {
    mode: 'bird',
    accessKey: KEY,
    workspaceId: endpoints.workspaceId,
  });
  try {
    await context.addInitScript(recordUploadProgress);
    const page = await context.newPage();
    await page.goto('/media');
    await page.getByLabel('Files to upload').setInputFiles(file);
    const row = page
      .getByRole('list', { name: 'Uploads' })
      .getByRole('listitem')
      .filter({ hasText: FILE.name });
    await row
      .filter({ hasText: /Uploaded|Failed|Refused|Cancelled/ })
      .waitFor({ timeout: 300_000 });
    const text = await row.innerText();
    if (!text.includes('Uploaded')) throw new Error(`the /media page did not upload: ${text}`);
    const uploads = await page.evaluate(() => window.__uploadEvents);
    const events = uploads.find((list) => list.some((event) => event.loaded >= FILE_BYTES));
    const first = events?.[0];
    const last = events?.at(-1);
    if (events === undefined || first === undefined || last === undefined) {
      throw new Error('no XMLHttpRequest carried the whole file');
    }
    return { largestGap: largestGap(events), events: events.length, ms: last.at - first.at };
  } finally {
    await context.close();
  }
}

const log = (line: string): void => {
  process.stderr.write(`  ${line}\n`);
};

const mibPerSecond = (ms: number): number => FILE_BYTES / MiB / (ms / 1000);

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'perch-upload-bench-'));
  const stops: (() => Promise<void>)[] = [];
  let browser: Browser | undefined;
  try {
    const file = path.join(dir, FILE.name);
    await writePdf(file, FILE_BYTES);
    const sandbox = await startStandaloneSandbox(path.join(dir, 'sandbox'), KEY);
    stops.push(sandbox.stop);
    const perch = await startPerch(path.join(dir, 'perch'), ['--sandbox-seed', '0'], {
      PERCH_BIRD_API: sandbox.origin,
      PERCH_BIRD_MEDIA: sandbox.origin,
    });
    stops.push(perch.stop);

    const connect = await postJson(
      `${perch.origin}/session`,
      { origin: perch.origin },
      { mode: 'bird', accessKey: KEY, workspaceId: sandbox.workspaceId },
    );
    const cookie = connect.setCookie?.split(';', 1)[0];
    if (connect.status !== 200 || cookie === undefined) {
      throw new Error(`Perch did not connect: ${String(connect.status)}`);
    }
    const endpoints: Endpoints = {
      sandbox: sandbox.origin,
      perch: perch.origin,
      workspaceId: sandbox.workspaceId,
      cookie,
    };

    // Warm-up: the first of each (JIT, sockets, page cache for the file).
    await uploadDirect(endpoints, file);
    await uploadRelayed(endpoints, file, perch.pid);
    const direct: number[] = [];
    const relayed: number[] = [];
    const growth: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      direct.push(await uploadDirect(endpoints, file));
      const relay = await uploadRelayed(endpoints, file, perch.pid);
      relayed.push(relay.ms);
      growth.push(relay.growth);
    }
    log(`direct:  ${direct.map((ms) => mibPerSecond(ms).toFixed(0)).join(', ')} MiB/s`);
    log(`relayed: ${relayed.map((ms) => mibPerSecond(ms).toFixed(0)).join(', ')} MiB/s`);
    log(`Perch RSS growth: ${growth.map((bytes) => (bytes / MiB).toFixed(1)).join(', ')} MiB`);

    browser = await launchChromium();
    const inBrowser = await uploadInBrowser(browser, endpoints, file);
    log(
      `browser: ${String(inBrowser.events)} upload events over ${(inBrowser.ms / 1000).toFixed(1)} s ` +
        `(${mibPerSecond(inBrowser.ms).toFixed(0)} MiB/s), largest gap ${inBrowser.largestGap.toFixed(0)} ms`,
    );

    return [
      {
        name: 'upload relay: 100 MiB throughput vs direct to the sandbox (median of 5)',
        value: mibPerSecond(median(relayed)) / mibPerSecond(median(direct)),
        unit: '×',
        target: 0.5,
        better: 'higher',
      },
      {
        name: 'upload relay: Perch RSS growth during a 100 MiB upload (worst of 5)',
        value: Math.max(...growth) / MiB,
        unit: 'MiB',
        target: 64,
        better: 'lower',
      },
      {
        name: 'upload relay: largest gap between browser progress events (/media, 100 MiB)',
        value: inBrowser.largestGap,
        unit: 'ms',
        target: 500,
        better: 'lower',
      },
    ];
  } finally {
    await browser?.close();
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
