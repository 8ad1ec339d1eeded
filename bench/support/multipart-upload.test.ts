import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { uploadForm } from './multipart-upload';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'perch-multipart-test-'));
  dirs.push(dir);
  const file = path.join(dir, 'a.pdf');
  writeFileSync(file, content);
  return file;
}

describe('uploadForm', () => {
  it('sends the fields in order, then the file last, and declares the exact length', async () => {
    const file = tempFile('%PDF-1.7\nhello\n');
    const form = uploadForm(
      { key: 'uploads/1', 'Content-Type': 'application/pdf', policy: 'abc' },
      { path: file, name: 'a.pdf', contentType: 'application/pdf' },
    );
    const boundary = /boundary=(\S+)$/.exec(form.headers['content-type'] ?? '')?.[1] ?? '';
    expect(boundary).toMatch(/^----perch-bench-[0-9a-f]{24}$/);
    const body = await text(form.body);
    expect(Buffer.byteLength(body)).toBe(Number(form.headers['content-length']));
    const names = [...body.matchAll(/; name="([^"]+)"/g)].map((match) => match[1]);
    expect(names).toEqual(['key', 'Content-Type', 'policy', 'file']);
    expect(body).toContain(
      `name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\nhello\n\r\n--${boundary}--\r\n`,
    );
    expect(body.endsWith(`--${boundary}--\r\n`)).toBe(true);
  });
});
