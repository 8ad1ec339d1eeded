import { describe, expect, it } from 'vitest';
import { allowedHostNames, hostnameOf } from './host-check';

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
