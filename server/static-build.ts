import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/** Everything `vite build` reads; a change to any of them makes dist/ stale. */
export const buildInputs = ['src', 'index.html', 'public', 'vite.config.ts'];

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

/** True when dist/ has no index.html or any build input changed after it was written. */
export function isDistStale(root: string, distDir = path.join(root, 'dist')): boolean {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return buildInputs.some((input) => newestMtime(path.join(root, input)) > built);
}

/** Builds the app with Vite, quietly (warnings and errors only). */
export async function buildDist(root: string, distDir = path.join(root, 'dist')): Promise<void> {
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
