import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { textTable } from './text-table';

/**
 * The JavaScript budgets `npm test` holds the built app to, read from Vite's build manifest
 * (`build.manifest: true`). A page's first paint needs its chunk and everything that chunk
 * imports statically (the browser fetches those before running it); `dynamicImports` load
 * later, so the walk does not follow them.
 */

/** One entry of `.vite/manifest.json` (the fields the budget reads). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** 1 KB = 1000 bytes, as Vite's own build report counts. */
export const KB = 1000;
/** Issue #9's budget for the first paint of /messages: the build fails above it. */
export const FIRST_PAINT_BUDGET = 150 * KB;
export const ROUTE_BUDGET = 100 * KB;

/** The route whose first paint has the stricter budget. */
export const FIRST_PAINT_ROUTE = 'src/app/routes/messages.tsx';
/** Where the router's lazy route modules live (src/app/router.tsx). */
const ROUTE_DIR = 'src/app/routes/';

/** The manifest keys of `start` and of every chunk it imports statically, transitively. */
export function staticGraph(manifest: Manifest, start: string): Set<string> {
  const seen = new Set<string>();
  const pending = [start];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`the manifest has no chunk "${key}"`);
    seen.add(key);
    pending.push(...(chunk.imports ?? []));
  }
  return seen;
}

/**
 * The manifest key of the page's entry chunk (index.html's script). The build's other
 * entry, src/server-page-start.ts, is loaded by server-rendered pages instead, and imports
 * nothing.
 */
export function entryKey(manifest: Manifest): string {
  const entries = Object.keys(manifest).filter(
    (key) => manifest[key]?.isEntry === true && key.endsWith('.html'),
  );
  if (entries.length !== 1 || entries[0] === undefined) {
    throw new Error(`expected one HTML entry chunk, found ${String(entries.length)}`);
  }
  return entries[0];
}

/** The lazily loaded route modules: dynamic entries under src/app/routes/. */
export function routeKeys(manifest: Manifest): string[] {
  return Object.keys(manifest)
    .filter((key) => manifest[key]?.isDynamicEntry === true && key.startsWith(ROUTE_DIR))
    .sort();
}

export interface BudgetRow {
  /** What is measured, e.g. "first paint of /messages" or "route messages". */
  name: string;
  /** The JavaScript files counted. */
  files: string[];
  gzipBytes: number;
  /** Above this the build fails. */
  budgetBytes: number;
}

/**
 * The first paint of /messages (entry graph plus the Messages route graph) and, for every
 * route, its chunk plus the static imports not already in the entry graph.
 */
export function budgetRows(manifest: Manifest, gzipSize: (file: string) => number): BudgetRow[] {
  const entry = staticGraph(manifest, entryKey(manifest));
  const routes = routeKeys(manifest);
  if (!routes.includes(FIRST_PAINT_ROUTE)) {
    throw new Error(`the manifest has no lazily loaded ${FIRST_PAINT_ROUTE}`);
  }
  const row = (name: string, keys: Iterable<string>, budgetBytes: number): BudgetRow => {
    const files = [...new Set([...keys].map((key) => manifest[key]?.file ?? key))]
      .filter((file) => file.endsWith('.js'))
      .sort();
    const gzipBytes = files.reduce((sum, file) => sum + gzipSize(file), 0);
    return { name, files, gzipBytes, budgetBytes };
  };
  const firstPaint = new Set([...entry, ...staticGraph(manifest, FIRST_PAINT_ROUTE)]);
  return [
    row('first paint of /messages', firstPaint, FIRST_PAINT_BUDGET),
    ...routes.map((route) =>
      row(
        `route ${path.basename(route, path.extname(route))}`,
        [...staticGraph(manifest, route)].filter((key) => !entry.has(key)),
        ROUTE_BUDGET,
      ),
    ),
  ];
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;

const verdict = (row: BudgetRow): string => (row.gzipBytes > row.budgetBytes ? 'OVER' : 'ok');

/** A plain-text table: figure, gzip size, budget (the build fails above it), files. */
export function formatBudgetTable(rows: readonly BudgetRow[]): string {
  const header = ['JavaScript (gzip)', 'size', 'fails above', '', 'files'];
  const body = rows.map((row) => [
    row.name,
    kb(row.gzipBytes),
    kb(row.budgetBytes),
    verdict(row),
    row.files.map((file) => path.basename(file)).join(' '),
  ]);
  return textTable([header, ...body]);
}

/**
 * Builds the app into `outDir` with a manifest (no source maps) and measures it. Vite keeps
 * a NODE_ENV it finds set (Vitest sets "test", which would bundle React's development
 * build), so the build runs with NODE_ENV=production, as `npm start` builds it.
 */
export async function measureBuild(root: string, outDir: string): Promise<BudgetRow[]> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const manifest = JSON.parse(
    readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  return budgetRows(manifest, (file) => gzipSync(readFileSync(path.join(outDir, file))).length);
}
