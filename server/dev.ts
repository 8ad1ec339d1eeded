import path from 'node:path';
import { createServer } from 'vite';
import { loadConfigOrExit } from './config';
import { StartupError, startPerch, stopOnSignals } from './main';
import { repoRoot, serverPrefixes } from './static';

/** The port of Vite's dev server (the one to open); Vite takes the next free one if taken. */
const vitePort = 5173;

/**
 * Requests Vite forwards to the Perch server: `/api`, `/api/...`, `/api?…`, and so on.
 * `/media` alone is the app's Media page; only the paths below it are media.
 */
export const proxyPattern = `^(?:${serverPrefixes
  .map((prefix) => (prefix === '/media' ? '/media/' : `${prefix}(?:[/?]|$)`))
  .join('|')})`;

/**
 * `npm run dev`: a Perch server (port 8081 unless --port says otherwise, no built app)
 * and Vite's dev server with hot reload, which proxies Perch's routes to it.
 */
async function runDev(): Promise<void> {
  const config = loadConfigOrExit(process.argv.slice(2), process.env, {
    defaultPort: 8081,
    command: 'npm run dev --',
  });
  const perch = await startPerch(config, { distDir: null });
  const vite = await createServer({
    root: repoRoot,
    configFile: path.join(repoRoot, 'vite.config.ts'),
    server: {
      port: vitePort,
      // The Host header is passed on unchanged, so that the URLs the sandbox builds from
      // it point back through this proxy.
      proxy: { [proxyPattern]: { target: perch.url, changeOrigin: false } },
    },
  });
  await vite.listen();
  stopOnSignals([() => vite.close(), perch.close]);
  vite.printUrls();
  process.stdout.write(`  Perch server (API, sandbox) at ${perch.url}\n`);
}

try {
  await runDev();
} catch (error) {
  const message =
    error instanceof StartupError ? error.message : `perch: could not start: ${String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
