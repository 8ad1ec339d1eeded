import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, Rolldown } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompressAssets } from './scripts/precompress-assets.ts';

/** The modules of the home page (/messages): its route module and its loader. */
const HOME_ROUTE_MODULES = ['/src/app/routes/messages.tsx', '/src/app/loaders/messages-loader.ts'];

/**
 * `<link rel="modulepreload">` for the home page's lazy chunks (and what they import), and
 * their stylesheets, so the browser fetches them beside the entry instead of after it has run. Messages is where
 * `/` leads and where operators spend their day; other pages pay a few cached kilobytes.
 */
function preloadHomeRoute(): Plugin {
  return {
    name: 'perch-preload-home-route',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (bundle === undefined) return [];
        const chunks = new Map(
          Object.values(bundle)
            .filter((output): output is Rolldown.OutputChunk => output.type === 'chunk')
            .map((chunk) => [chunk.fileName, chunk]),
        );
        const entry = [...chunks.values()].find(
          (chunk) => chunk.isEntry && chunk.fileName !== SERVER_PAGE_START,
        );
        const loadedWithEntry = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName) || loadedWithEntry.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
        };
        for (const chunk of chunks.values()) {
          const facade = chunk.facadeModuleId ?? '';
          if (HOME_ROUTE_MODULES.some((module) => facade.endsWith(module))) visit(chunk.fileName);
        }
        // Their stylesheets too, so the first render of Messages is laid out once, with its
        // styles, rather than again when the route's code has loaded its CSS.
        const styles = new Set(
          [...files].flatMap((fileName) => [
            ...(chunks.get(fileName)?.viteMetadata?.importedCss ?? []),
          ]),
        );
        return [
          ...[...styles].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `/${fileName}` },
            injectTo: 'head' as const,
          })),
          ...[...files].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/** Where the build puts src/server-page-start.ts (served like public/, outside /assets). */
const SERVER_PAGE_START = 'server-page-start.js';

/**
 * src/server-page-start.ts, which server-rendered pages load instead of the app's entry,
 * as a chunk of its own at a fixed name (server/prerender/page-html.ts refers to it). It
 * imports nothing, so the app's chunks stay as they are.
 */
function serverPageStart(): Plugin {
  return {
    name: 'perch-server-page-start',
    apply: (_config, env) => env.command === 'build' && env.isSsrBuild !== true,
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: '/src/server-page-start.ts',
        fileName: SERVER_PAGE_START,
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadHomeRoute(), serverPageStart(), precompressAssets()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Every browser Perch supports has <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod, src/lib/zod.ts (zod/mini with English messages) and src/lib/zod-csp.ts
          // (which turns off zod's `new Function` probe, refused by Perch's CSP) share one
          // chunk, so the setting is in place before any module builds a schema, wherever
          // the bundler puts the schemas.
          groups: [
            {
              name: 'zod',
              test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/]zod(?:-csp)?\.ts$/,
            },
          ],
        },
      },
    },
  },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
