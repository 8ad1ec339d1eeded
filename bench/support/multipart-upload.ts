import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { request } from 'undici';

/**
 * E10's form, streamed from disk as a browser sends it: every `uploadFormData` field in
 * order, then the file in `file`, last. The length is known up front (Content-Length).
 */
export function uploadForm(
  fields: Record<string, string>,
  file: { path: string; name: string; contentType: string },
): { body: Readable; headers: Record<string, string> } {
  const boundary = `----perch-bench-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    [
      ...Object.entries(fields).map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n`,
      `Content-Type: ${file.contentType}\r\n\r\n`,
    ].join(''),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + statSync(file.path).size + tail.length;
  async function* parts(): AsyncGenerator<Buffer> {
    yield head;
    for await (const chunk of createReadStream(file.path, { highWaterMark: 256 * 1024 })) {
      yield chunk as Buffer;
    }
    yield tail;
  }
  return {
    body: Readable.from(parts()),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(length),
    },
  };
}

/** POSTs the form and waits for the answer; throws unless it is 204 (stored). */
export async function postForm(
  url: string,
  form: { body: Readable; headers: Record<string, string> },
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const response = await request(url, {
    method: 'POST',
    headers: { ...form.headers, ...extraHeaders },
    body: form.body,
    headersTimeout: 300_000,
    bodyTimeout: 300_000,
  });
  const text = await response.body.text();
  if (response.statusCode !== 204) {
    throw new Error(`upload to ${url}: ${String(response.statusCode)} ${text}`);
  }
}
