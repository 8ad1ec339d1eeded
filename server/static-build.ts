import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/** Everything `vite build` reads; a change to any of them makes dist/ stale. */
export const buildInputs = [
  'src',
  'index.html',
  'public',
  'vite.config.ts',
  'scripts/precompress-assets.ts',
  'tsconfig.json',
  // A dependency upgraded or added changes what the bundle holds.
  'package.json',
  'package-lock.json',
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/**
 * Where the server's render of the app goes (`vite build --ssr`): beside dist/, never inside
 * the directory the browser is served from.
 */
export function ssrDirFor(distDir: string): string {
  return `${distDir}-ssr`;
}

/** The module the server renders pages with (src/app/prerender.tsx, built). */
export function prerenderModuleFor(distDir: string): string {
  return path.join(ssrDirFor(distDir), 'prerender.js');
}

/**
 * True when dist/ has no index.html (or no server render beside it) or any build input
 * changed after it was written.
 */
export function isDistStale(root: string, distDir = path.join(root, 'dist')): boolean {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index) || !existsSync(prerenderModuleFor(distDir))) return true;
  const built = statSync(index).mtimeMs;
  return buildInputs.some((input) => newestMtime(path.join(root, input)) > built);
}

/**
 * Builds the app with Vite, quietly (warnings and errors only): the server's render first,
 * then the browser's app, whose index.html is the freshness mark.
 */
export async function buildDist(root: string, distDir = path.join(root, 'dist')): Promise<void> {
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      ssr: 'src/app/prerender.tsx',
      outDir: ssrDirFor(distDir),
      emptyOutDir: true,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: { output: { entryFileNames: 'prerender.js' } },
    },
  });
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir, emptyOutDir: true },
  });
}

/** Builds dist/ when it is missing or older than its sources; says whether it built. */
export async function ensureFreshDist(
  root: string,
  distDir = path.join(root, 'dist'),
): Promise<boolean> {
  if (!isDistStale(root, distDir)) return false;
  await buildDist(root, distDir);
  return true;
}
