import { once } from 'node:events';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FORM_CONTENT_TYPE,
  pathOf,
  presign,
  startMediaHarness,
  upload,
  uploadForm,
  type MediaHarness,
} from './test-support';

describe('E10 over a real connection', () => {
  let harness: MediaHarness;
  beforeEach(async () => {
    harness = await startMediaHarness({ maxUploadBytes: 64 * 1024 });
  });
  afterEach(() => harness.close());

  it('deletes the partial file when the client goes away mid-upload', async () => {
    const presigned = await presign(harness, 'image/png');
    const body = uploadForm(presigned, Buffer.alloc(60 * 1024, 7));
    await harness.app.listen({ host: '127.0.0.1', port: 0 });
    const address = harness.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');

    const socket = connect(address.port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      [
        `POST ${pathOf(presigned.uploadUrl)} HTTP/1.1`,
        `Host: 127.0.0.1:${address.port}`,
        `Content-Type: ${FORM_CONTENT_TYPE}`,
        `Content-Length: ${body.length}`,
        '',
        '',
      ].join('\r\n'),
    );
    // Everything but the last 20 KiB: the fields and the start of the file.
    socket.write(body.subarray(0, body.length - 20 * 1024));
    await expect.poll(() => harness.files().some((name) => name.endsWith('.part'))).toBe(true);

    socket.destroy();
    await expect.poll(() => harness.files()).toEqual([]);

    // The key was never used: the same form, complete, is stored.
    expect((await upload(harness, presigned, body)).statusCode).toBe(204);
    expect(harness.files()).toHaveLength(1);
  });
});
