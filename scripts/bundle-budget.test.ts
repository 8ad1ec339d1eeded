import { describe, expect, it } from 'vitest';
import {
  budgetRows,
  entryKey,
  formatBudgetTable,
  type Manifest,
  routeKeys,
  staticGraph,
} from './bundle-budget';

/** A small app: an entry, two routes sharing a chunk, one route importing the entry's vendor. */
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_vendor.js'],
    dynamicImports: ['src/app/routes/messages.tsx', 'src/app/routes/media.tsx'],
  },
  '_vendor.js': { file: 'assets/vendor.js' },
  '_shared.js': { file: 'assets/shared.js', imports: ['index.html', '_deep.js'] },
  '_deep.js': { file: 'assets/deep.js' },
  '_shared.css': { file: 'assets/shared.css', src: '_shared.css' },
  '_later.js': { file: 'assets/later.js' },
  'src/app/routes/messages.tsx': {
    file: 'assets/messages.js',
    isDynamicEntry: true,
    imports: ['index.html', '_shared.js', '_shared.css'],
    dynamicImports: ['_later.js'],
  },
  'src/app/routes/media.tsx': {
    file: 'assets/media.js',
    isDynamicEntry: true,
    imports: ['index.html', '_vendor.js'],
  },
  'src/lib/lazy-helper.ts': { file: 'assets/lazy-helper.js', isDynamicEntry: true },
  'src/server-page-start.ts': { file: 'server-page-start.js', isEntry: true },
};

const sizes: Record<string, number> = {
  'assets/index.js': 100_000,
  'assets/vendor.js': 30_000,
  'assets/shared.js': 5_000,
  'assets/deep.js': 2_000,
  'assets/later.js': 70_000,
  'assets/messages.js': 10_000,
  'assets/media.js': 120_000,
  'assets/lazy-helper.js': 1_000,
};
const sizeOf = (file: string) => sizes[file] ?? Number.NaN;

describe('manifest walk', () => {
  it('follows static imports transitively, and not dynamic ones', () => {
    expect([...staticGraph(manifest, 'src/app/routes/messages.tsx')].sort()).toEqual([
      '_deep.js',
      '_shared.css',
      '_shared.js',
      '_vendor.js',
      'index.html',
      'src/app/routes/messages.tsx',
    ]);
  });

  it('finds the entry and only the lazy modules under src/app/routes as routes', () => {
    expect(entryKey(manifest)).toBe('index.html');
    expect(routeKeys(manifest)).toEqual([
      'src/app/routes/media.tsx',
      'src/app/routes/messages.tsx',
    ]);
  });

  it('fails loudly on an import the manifest does not hold', () => {
    expect(() => staticGraph({ a: { file: 'a.js', imports: ['gone'] } }, 'a')).toThrow(/"gone"/);
  });

  it('counts the entry graph plus the Messages graph for first paint, JavaScript only', () => {
    const [firstPaint] = budgetRows(manifest, sizeOf);
    expect(firstPaint?.files).toEqual([
      'assets/deep.js',
      'assets/index.js',
      'assets/messages.js',
      'assets/shared.js',
      'assets/vendor.js',
    ]);
    expect(firstPaint?.gzipBytes).toBe(147_000);
  });

  it('counts each route without what the entry graph already loaded', () => {
    const rows = budgetRows(manifest, sizeOf);
    expect(rows.map((row) => [row.name, row.gzipBytes])).toEqual([
      ['first paint of /messages', 147_000],
      ['route media', 120_000],
      ['route messages', 17_000],
    ]);
  });

  it('marks the rows over budget in the table', () => {
    const table = formatBudgetTable(budgetRows(manifest, sizeOf));
    expect(table).toMatch(/first paint of \/messages\s+147\.00 KB\s+150\.00 KB\s+ok/);
    expect(table).toMatch(/route media\s+120\.00 KB\s+100\.00 KB\s+OVER\s+media\.js/);
    const heavier = formatBudgetTable(
      budgetRows(manifest, (file) => (file === 'assets/index.js' ? 103_001 : sizeOf(file))),
    );
    expect(heavier).toMatch(/first paint of \/messages\s+150\.00 KB\s+150\.00 KB\s+OVER/);
  });

  it('refuses a manifest without the Messages route', () => {
    const rest = Object.fromEntries(
      Object.entries(manifest).filter(([key]) => key !== 'src/app/routes/messages.tsx'),
    );
    expect(() => budgetRows(rest, sizeOf)).toThrow(/messages\.tsx/);
  });
});
