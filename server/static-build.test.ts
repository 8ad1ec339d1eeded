import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDistStale } from './static-build';

let root: string;

function touch(relative: string, secondsAgo: number): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, relative);
  const when = new Date(Date.parse('2026-01-01T00:00:00Z') - secondsAgo * 1000);
  utimesSync(file, when, when);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'perch-build-'));
  touch('src/main.tsx', 100);
  touch('src/features/messages/list.tsx', 100);
  touch('index.html', 100);
  touch('public/favicon.svg', 100);
  touch('vite.config.ts', 100);
  for (const dir of ['src', 'src/features', 'src/features/messages', 'public']) {
    const when = new Date(Date.parse('2026-01-01T00:00:00Z') - 100_000);
    utimesSync(path.join(root, dir), when, when);
  }
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('isDistStale', () => {
  it('is stale when dist/ was never built', () => {
    expect(isDistStale(root)).toBe(true);
  });

  it('is stale without the server render beside it', () => {
    touch('dist/index.html', 10);
    expect(isDistStale(root)).toBe(true);
  });

  it('is fresh when dist/index.html is newer than every source', () => {
    touch('dist/index.html', 10);
    touch('dist-ssr/prerender.js', 10);
    expect(isDistStale(root)).toBe(false);
  });

  it.each([
    'src/features/messages/list.tsx',
    'index.html',
    'public/favicon.svg',
    'vite.config.ts',
    'package-lock.json',
    'scripts/precompress-assets.ts',
  ])('is stale after %s changes', (changed) => {
    touch('dist/index.html', 10);
    touch('dist-ssr/prerender.js', 10);
    touch(changed, 5);
    expect(isDistStale(root)).toBe(true);
  });

  it('is stale after a source file is added', () => {
    touch('dist/index.html', 10);
    touch('dist-ssr/prerender.js', 10);
    touch('src/features/new-thing.ts', 1);
    expect(isDistStale(root)).toBe(true);
  });
});
