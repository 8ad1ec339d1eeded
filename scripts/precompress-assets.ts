import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; source maps only ever go to devtools, so they are left. */
const COMPRESSIBLE = /\.(?:js|css|svg|json|txt)$/;
/** Below this a compressed copy saves less than its headers cost. */
export const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside `filePath` when it is compressible and not tiny,
 * and returns the names written. Brotli at its best quality: it runs once per build.
 */
export function precompressFile(filePath: string): string[] {
  if (!COMPRESSIBLE.test(filePath)) return [];
  const source = readFileSync(filePath);
  if (source.length < MIN_BYTES) return [];
  const brotli = brotliCompressSync(source, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
    },
  });
  writeFileSync(`${filePath}.br`, brotli);
  writeFileSync(`${filePath}.gz`, gzipSync(source, { level: 9 }));
  return [`${filePath}.br`, `${filePath}.gz`];
}

/**
 * After `vite build` writes the app, a brotli and a gzip copy of each script and stylesheet,
 * which the Perch server sends to browsers that accept them (@fastify/static's
 * `preCompressed`): the first paint downloads its ~150 KB, not the ~500 KB it parses.
 */
export function precompressAssets(): Plugin {
  return {
    name: 'perch-precompress-assets',
    // The browser's build only: the server's render (`--ssr`) is read from disk by Node.
    apply: (_config, env) => env.command === 'build' && env.isSsrBuild !== true,
    enforce: 'post',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) precompressFile(path.join(outDir, fileName));
    },
  };
}
