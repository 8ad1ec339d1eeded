import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { createSandbox, type Sandbox } from '../create-sandbox';
import { buildStandaloneApp } from './standalone-app';
import type { FastifyInstance } from 'fastify';

/** Writes raw bytes to the port and reads until the server closes the connection. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    socket.on('close', () => {
      resolve(data);
    });
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('standalone server', () => {
  let sandbox: Sandbox;
  let app: FastifyInstance;
  afterEach(async () => {
    await app.close();
    sandbox.close();
  });

  it('answers requests the HTTP parser refuses with a Bird error body', async () => {
    sandbox = createSandbox({
      dataDir: ':memory:',
      clock: new ManualClock(),
      accessKey: 'k-12345678',
    });
    app = await buildStandaloneApp(sandbox);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const answer = await raw(port, 'GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toEqual({
      code: 'BadRequest',
      message: 'The request is not valid HTTP',
    });
  });
});
