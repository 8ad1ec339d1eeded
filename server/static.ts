import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** The repository root (this file lives in `server/`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where `vite build` writes the browser app. */
export const defaultDistDir = path.join(repoRoot, 'dist');

/** Paths that belong to the server: never answered with the app's index.html. */
export const serverPrefixes = ['/api', '/media', '/upload', '/sandbox', '/session', '/healthz'];

function isServerPath(pathname: string): boolean {
  // `/media` itself is the app's Media page; only the paths below it are media bytes.
  if (pathname === '/media') return false;
  return serverPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * Whether an unmatched request is a browser navigation to one of the app's client routes
 * (`/messages/abc`), which gets index.html so that deep links and reloads work.
 */
export function isClientRouteRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept ?? '';
  if (!/\btext\/html\b/i.test(accept)) return false;
  const pathname = request.url.split('?', 1)[0] ?? '/';
  return !isServerPath(pathname);
}

/** Answers a client route with the app's index.html. */
export function sendIndexHtml(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}

export interface StaticAppOptions {
  distDir: string;
}

/**
 * Serves the built app: hashed files under /assets are cached for good, everything else
 * (index.html above all) is revalidated on each load. Files are listed once at start. The
 * build writes a brotli and a gzip copy of each script and stylesheet
 * (scripts/precompress-assets.ts); a browser that accepts one gets it.
 */
export const staticApp = fp<StaticAppOptions>(
  async (app, { distDir }) => {
    if (!existsSync(path.join(distDir, 'index.html'))) {
      throw new Error(`The app is not built: ${distDir}/index.html is missing. Run npm run build.`);
    }
    const assetsDir = path.join(distDir, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, filePath) {
        reply.header(
          'cache-control',
          filePath.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  },
  { name: 'perch-static-app', fastify: '5.x' },
);
