import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { allowedHostNames, hostCheck, hostnameOf } from './host-check';

describe('hostnameOf', () => {
  it.each([
    ['localhost', 'localhost'],
    ['LOCALHOST:8080', 'localhost'],
    ['127.0.0.1:5173', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['[::1]:8080', '[::1]'],
    ['perch.lan.', 'perch.lan'],
  ])('reads %j as %j', (header, name) => {
    expect(hostnameOf(header)).toBe(name);
  });

  it.each([undefined, '', ':8080', 'user@evil.example', 'a b', 'evil.example/x', '::1'])(
    'rejects %j',
    (header) => {
      expect(hostnameOf(header)).toBeUndefined();
    },
  );
});

describe('allowedHostNames', () => {
  it('always has the loopback names, plus the bound host and the extra names', () => {
    expect([...allowedHostNames({ boundHost: '10.0.0.5', allowedHosts: ['perch.lan'] })]).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      '10.0.0.5',
      'perch.lan',
    ]);
  });

  it('writes an IPv6 bound host in brackets and skips wildcard binds', () => {
    expect(allowedHostNames({ boundHost: 'fd00::5', allowedHosts: [] }).has('[fd00::5]')).toBe(
      true,
    );
    expect(allowedHostNames({ boundHost: '0.0.0.0', allowedHosts: [] }).has('0.0.0.0')).toBe(false);
    expect(allowedHostNames({ boundHost: '::', allowedHosts: [] }).has('[::]')).toBe(false);
  });
});

describe('hostCheck', () => {
  const serve = async (): Promise<FastifyInstance> => {
    const app = Fastify();
    await app.register(hostCheck, { boundHost: '127.0.0.1', allowedHosts: [] });
    app.get('/', () => 'ok');
    return app;
  };
  const statusFor = async (app: FastifyInstance, host: string): Promise<number> =>
    (await app.inject({ url: '/', headers: { host } })).statusCode;

  it('keeps refusing other hosts after allowed ones were served, and past its memory', async () => {
    const app = await serve();
    for (let port = 1; port <= 100; port += 1) {
      expect(await statusFor(app, `localhost:${String(port)}`)).toBe(200);
      expect(await statusFor(app, `evil.example:${String(port)}`)).toBe(421);
    }
    expect(await statusFor(app, 'localhost:1')).toBe(200);
    expect(await statusFor(app, 'localhost:100')).toBe(200);
    expect(await statusFor(app, 'evil.example:1')).toBe(421);
    expect(await statusFor(app, 'localhost.evil.example:1')).toBe(421);
    await app.close();
  });
});
