import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from './error-body';

export interface HostCheckOptions {
  /** The address the server listens on (`--host`). */
  boundHost: string;
  /** Extra names from `PERCH_ALLOWED_HOSTS`. */
  allowedHosts: readonly string[];
}

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];
const wildcardHosts = new Set(['0.0.0.0', '[::]']);
/** Allowed Host header spellings remembered by the check (any port, any case). */
const MAX_REMEMBERED_HOSTS = 64;

/**
 * The host name of a Host header, lower-cased, without port or trailing dot; IPv6
 * literals keep their brackets. Undefined for a missing or malformed header.
 */
export function hostnameOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::\d{1,5})?$/.exec(header.trim().toLowerCase());
  const name = match?.[1]?.replace(/\.$/, '');
  return name === '' ? undefined : name;
}

/** Writes an address as it appears in a Host header: IPv6 literals in brackets. */
function asHostName(address: string): string {
  const lower = address.trim().toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** The set of host names (any port) this server answers to. */
export function allowedHostNames(options: HostCheckOptions): Set<string> {
  const names = new Set(loopbackNames);
  const bound = asHostName(options.boundHost);
  if (!wildcardHosts.has(bound)) names.add(bound);
  for (const name of options.allowedHosts) names.add(asHostName(name).replace(/\.$/, ''));
  return names;
}

/**
 * Refuses requests whose Host header names another site, so a page on some DNS name that
 * rebinds to 127.0.0.1 cannot read Perch's answers. Runs before any route; 421 + JSON.
 */
export const hostCheck = fp<HostCheckOptions>(
  (app, options, done) => {
    const names = allowedHostNames(options);
    // Host headers already found allowed, as sent: a browser repeats the same one on every
    // request, so the parse runs once per spelling. Bounded, so no client can grow it.
    const allowedHeaders = new Set<string>();
    app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, next) => {
      const header = request.headers.host;
      if (header !== undefined && allowedHeaders.has(header)) {
        next();
        return;
      }
      const name = hostnameOf(header);
      if (name !== undefined && names.has(name)) {
        if (header !== undefined && allowedHeaders.size < MAX_REMEMBERED_HOSTS) {
          allowedHeaders.add(header);
        }
        next();
        return;
      }
      void reply
        .code(421)
        .send(
          errorBody(
            421,
            'This Perch server does not answer to that host name. Open it as localhost or 127.0.0.1, or list the name in PERCH_ALLOWED_HOSTS.',
          ),
        );
    });
    done();
  },
  { name: 'perch-host-check', fastify: '5.x' },
);
