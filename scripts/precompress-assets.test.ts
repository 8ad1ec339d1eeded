import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_BYTES, precompressFile } from './precompress-assets';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'perch-precompress-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, content);
  return filePath;
}

describe('precompressFile', () => {
  it('writes brotli and gzip copies that decode to the same bytes', () => {
    const source = 'export const rows = [];\n'.repeat(200);
    const script = file('index-abc123.js', source);
    expect(precompressFile(script)).toEqual([`${script}.br`, `${script}.gz`]);
    expect(brotliDecompressSync(readFileSync(`${script}.br`)).toString()).toBe(source);
    expect(gunzipSync(readFileSync(`${script}.gz`)).toString()).toBe(source);
    expect(readFileSync(`${script}.br`).length).toBeLessThan(source.length / 10);
  });

  it('leaves tiny files, source maps and binary files alone', () => {
    const tiny = file('tiny.js', 'x'.repeat(MIN_BYTES - 1));
    const map = file('index-abc123.js.map', '{}'.repeat(MIN_BYTES));
    const png = file('logo.png', 'p'.repeat(MIN_BYTES * 2));
    for (const filePath of [tiny, map, png]) {
      expect(precompressFile(filePath)).toEqual([]);
      expect(existsSync(`${filePath}.br`)).toBe(false);
    }
  });
});
