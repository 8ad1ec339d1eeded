import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createSandbox, type Sandbox } from './create-sandbox';
import { buildStandaloneApp } from './http/standalone-app';
import { DEFAULT_CHANNEL_IDS } from './store';
import type { FastifyInstance } from 'fastify';

/**
 * Fuzzing over a real port: random and mutated bodies, query strings, paths, methods and
 * headers, from a seeded PRNG (set FUZZ_SEED to replay a run). Every answer must be a 2xx
 * or a 4xx with Bird's error body — never a 5xx — the server must stay up, and SQLite must
 * pass its integrity check afterwards.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const ROUNDS = 1500;
const KEY = 'fuzz-access-key-0001';
const READ_ONLY = 'fuzz-read-only-key-01';

/** mulberry32: small, fast, good enough for test inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Fuzzer {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  string(): string {
    return this.pick<() => string>([
      () => '',
      () => 'x',
      () => 'Hello, world',
      () => '+31612345678',
      () => '+3161234999' + String(this.int(10)),
      () => 'ann@example.com',
      () => 'click@example.com',
      () => '2026-11-27T12:00:00Z',
      () => '2099-01-01T00:00:00.000Z',
      () => 'not a date',
      () => '00000000-0000-4000-8000-000000000000',
      () => DEFAULT_CHANNEL_IDS.sms,
      () => 'a'.repeat(this.int(6000)),
      () => '💥🦜\u0000\u202e<script>',
      () => '__proto__',
      () => 'constructor',
      () => String(this.random()),
      () => 'https://sandbox.invalid/x',
      () => 'https://example.com/a.png',
      () => 'latest',
      () => 'en-US',
      () => '%ZZ%00',
    ])();
  }

  json(depth = 0): Json {
    const leaf = depth > 3 || this.chance(0.5);
    if (leaf) {
      return this.pick<() => Json>([
        () => null,
        () => this.chance(0.5),
        () => this.int(200) - 100,
        () => this.random() * 1e12,
        () => -0,
        () => 1e308,
        () => this.string(),
      ])();
    }
    if (this.chance(0.4)) return Array.from({ length: this.int(4) }, () => this.json(depth + 1));
    const keys = [
      'type',
      'text',
      'receiver',
      'contacts',
      'body',
      'identifierValue',
      'identifierKey',
      'ms',
      'messages',
      'tags',
      this.string(),
    ];
    const entries: [string, Json][] = [];
    for (let i = this.int(4); i > 0; i -= 1) entries.push([this.pick(keys), this.json(depth + 1)]);
    return Object.fromEntries(entries);
  }

  /** A valid request body for a route, which `mutate` then bends. */
  validBody(route: string): Json {
    const contacts = [
      {
        identifierValue: this.pick([
          '+31612345678',
          '+31612349993',
          '+31612349994',
          '+31612349995',
        ]),
      },
    ];
    switch (route) {
      case 'send':
        return this.pick<Json>([
          { receiver: { contacts }, body: { type: 'text', text: { text: 'hi' } } },
          {
            receiver: { contacts },
            body: { type: 'image', image: { images: [{ mediaUrl: 'https://example.com/a.png' }] } },
            tags: ['A', 'b c'],
            reference: 'ref',
            scheduledFor: '2026-11-27T12:01:00Z',
          },
          {
            receiver: { contacts: [{ identifierValue: 'click@example.com', type: 'to' }] },
            body: {
              type: 'html',
              html: { html: '<a href="https://x.test">x</a>', metadata: { subject: 'S' } },
            },
            meta: { email: { subject: 'S', headers: { 'X-A': 'b' } } },
          },
          {
            receiver: { contacts },
            template: {
              projectId: '00000000-0000-4000-8000-000000000000',
              version: 'latest',
              locale: 'en',
            },
          },
          {
            receiver: { contacts },
            body: {
              type: 'location',
              location: { coordinates: { latitude: 52.1, longitude: 4.3 } },
            },
          },
        ]);
      case 'batch':
        return {
          messageRequests: Array.from({ length: 1 + this.int(5) }, () => this.validBody('send')),
        };
      case 'presign':
        return { contentType: this.pick(['image/png', 'application/pdf', 'bad']) };
      case 'advance':
        return { ms: this.int(5000) };
      case 'seed':
        return { messages: 1 + this.int(3) };
      case 'inbound':
        return {
          channelId: this.pick(Object.values(DEFAULT_CHANNEL_IDS)),
          from: this.pick(['+31612345678', 'ann@example.com', '@handle']),
          body: { type: 'text', text: { text: 'hello' } },
        };
      default:
        return {};
    }
  }

  mutate(value: Json, rounds = 1 + this.int(3)): Json {
    let out = structuredClone(value);
    for (let i = 0; i < rounds; i += 1) out = this.mutateOnce(out);
    return out;
  }

  mutateOnce(value: Json): Json {
    if (value === null || typeof value !== 'object' || this.chance(0.15)) return this.json();
    if (Array.isArray(value)) {
      if (value.length === 0 || this.chance(0.3)) return [...value, this.json()];
      const index = this.int(value.length);
      const copy = [...value];
      if (this.chance(0.3)) copy.splice(index, 1);
      else copy[index] = this.mutateOnce(copy[index] ?? null);
      return copy;
    }
    // Object.fromEntries keeps a "__proto__" key as data, which assignment would not.
    const entries = Object.entries(value);
    if (entries.length === 0 || this.chance(0.2)) {
      return Object.fromEntries([...entries, [this.string() || 'extra', this.json()]]);
    }
    const index = this.int(entries.length);
    if (this.chance(0.25)) return Object.fromEntries(entries.filter((_, i) => i !== index));
    return Object.fromEntries(
      entries.map(([key, item], i) => [key, i === index ? this.mutateOnce(item) : item]),
    );
  }

  segment(valid: string): string {
    if (this.chance(0.85)) return valid;
    return this.pick<() => string>([
      () => '00000000-0000-4000-8000-000000000000',
      () => 'x',
      () => '..',
      () => '%2e%2e',
      () => '%E0%A4%A',
      () => '%00',
      () => 'a'.repeat(150),
      () => encodeURIComponent(this.string()).slice(0, 300),
      () => '',
    ])();
  }

  query(): string {
    if (this.chance(0.3)) return '';
    const names = [
      'limit',
      'pageToken',
      'reverse',
      'platform',
      'status',
      'startAt',
      'endAt',
      'from',
      'to',
      'tag',
      'subject',
      'batchId',
      'direction',
      'channelId',
      'unknown',
    ];
    const values = [
      () => String(this.int(120) - 10),
      () => 'true',
      () => 'maybe',
      () => 'sms-messagebird',
      () => 'delivered',
      () => 'incoming',
      () => 'eyJhIjoxfQ',
      () => 'WyIyMDI2LTExLTI3VDEyOjAwOjAwLjAwMFoiLCJ4Il0',
      () => encodeURIComponent(this.string()).slice(0, 9000),
      () => '%',
      () => '',
    ];
    const parts: string[] = [];
    for (let i = 1 + this.int(5); i > 0; i -= 1) {
      parts.push(`${this.pick(names)}=${this.pick(values)()}`);
    }
    return `?${parts.join('&')}`;
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function isBirdError(text: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof body !== 'object' || body === null) return false;
  const { code, message, details } = body as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return false;
  if (details === undefined) return true;
  return (
    typeof details === 'object' &&
    details !== null &&
    Object.values(details).every((v) => Array.isArray(v) && v.every((m) => typeof m === 'string'))
  );
}

describe(`fuzz (seed ${SEED}, ${ROUNDS} requests)`, () => {
  let dataDir: string;
  let sandbox: Sandbox;
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'perch-sandbox-fuzz-'));
    sandbox = createSandbox({
      dataDir,
      clock: new ManualClock(),
      accessKey: KEY,
      readOnlyKey: READ_ONLY,
      rateLimits: false,
    });
    app = await buildStandaloneApp(sandbox);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });

  afterAll(async () => {
    await app.close();
    sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every request with a 2xx or a 4xx Bird error, and stays consistent', async () => {
    const f = new Fuzzer(prng(SEED));
    const ws = sandbox.workspaceId;
    const routes: [method: string, template: string, kind: string][] = [
      ['GET', '/workspaces/{ws}/channels', 'list'],
      ['GET', '/workspaces/{ws}/channels/{ch}', 'get'],
      ['POST', '/workspaces/{ws}/channels/{ch}/messages', 'send'],
      ['POST', '/workspaces/{ws}/channels/{ch}/batch/messages', 'batch'],
      ['GET', '/workspaces/{ws}/channels/{ch}/messages', 'list'],
      ['GET', '/workspaces/{ws}/messages', 'list'],
      ['GET', '/workspaces/{ws}/channels/{ch}/messages/{msg}', 'get'],
      ['GET', '/workspaces/{ws}/channels/{ch}/messages/{msg}/interactions', 'list'],
      ['POST', '/workspaces/{ws}/channels/{ch}/presigned-upload', 'presign'],
      ['POST', '/workspaces/{ws}/channel-media/presigned-upload', 'presign'],
      ['GET', '/workspaces/{ws}/channels/{ch}/media/{msg}', 'get'],
      ['GET', '/workspaces/{ws}/messages/{msg}/media/{msg}', 'get'],
      ['POST', '/_uploads/{ws}', 'upload'],
      ['GET', '/_sandbox/info', 'get'],
      ['POST', '/_sandbox/clock/advance', 'advance'],
      ['POST', '/_sandbox/seed', 'seed'],
      ['POST', '/_sandbox/inbound', 'inbound'],
      ['POST', '/_sandbox/reset', 'reset'],
    ];
    const messageIds: string[] = ['00000000-0000-4000-8000-000000000000'];
    const statuses = new Map<number, number>();

    for (let round = 0; round < ROUNDS; round += 1) {
      const [routeMethod, template, kind] = f.pick(routes);
      // Resets are rare, so the database keeps growing most of the time.
      if (kind === 'reset' && !f.chance(0.05)) continue;
      const method = f.chance(0.08)
        ? f.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
        : routeMethod;
      const path =
        template
          .replace('{ws}', f.segment(ws))
          .replace('{ch}', f.segment(f.pick(Object.values(DEFAULT_CHANNEL_IDS))))
          .replace(/\{msg\}/g, () => f.segment(f.pick(messageIds))) +
        (method === 'GET' ? f.query() : f.chance(0.05) ? f.query() : '');

      const headers: Record<string, string> = {};
      const auth = f.random();
      if (auth < 0.9) headers.authorization = `AccessKey ${KEY}`;
      else if (auth < 0.94) headers.authorization = `AccessKey ${READ_ONLY}`;
      else if (auth < 0.97)
        headers.authorization = f.pick(['AccessKey', 'Bearer x', `AccessKey ${KEY}x`]);

      let body: string | Buffer | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        const shape = f.random();
        if (shape < 0.55) {
          body = JSON.stringify(f.mutate(f.validBody(kind), f.chance(0.5) ? 0 : undefined));
          headers['content-type'] = 'application/json';
        } else if (shape < 0.7) {
          body = JSON.stringify(f.json());
          headers['content-type'] = f.pick(['application/json', 'application/json; charset=utf-8']);
        } else if (shape < 0.8) {
          const text = JSON.stringify(f.validBody(kind));
          body = text.slice(0, f.int(text.length));
          headers['content-type'] = 'application/json';
        } else if (shape < 0.88) {
          body = Buffer.from(Array.from({ length: f.int(200) }, () => f.int(256)));
          headers['content-type'] = f.pick([
            'application/json',
            'text/plain',
            'application/octet-stream',
            'multipart/form-data; boundary=x',
            'application/x-www-form-urlencoded',
          ]);
        } else if (shape < 0.9) {
          body = `{"reference":"${'x'.repeat(1024 * 1024)}"}`;
          headers['content-type'] = 'application/json';
        }
      }

      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const answer = await send(port, method, path, headers, body);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const where = `round ${round}: ${method} ${path.slice(0, 200)} ${JSON.stringify(headers)} body ${String(body?.length)} → ${answer.status} ${answer.body.slice(0, 300)}`;
      expect(answer.status, where).toBeGreaterThanOrEqual(200);
      expect(answer.status, where).toBeLessThan(500);
      if (answer.status >= 400 && method !== 'HEAD')
        expect(isBirdError(answer.body), where).toBe(true);
      if (answer.status === 202 && kind === 'send') {
        const id = (JSON.parse(answer.body) as { id?: unknown }).id;
        if (typeof id === 'string') messageIds.push(id);
      }
    }

    // Still up and answering.
    const info = await send(port, 'GET', '/_sandbox/info', { authorization: `AccessKey ${KEY}` });
    expect(info.status).toBe(200);
    // It did more than refuse: sends went through and lists answered.
    expect(statuses.get(202) ?? 0).toBeGreaterThan(10);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(sandbox.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sandbox.db.pragma('foreign_key_check')).toEqual([]);
  });
});
