import './production-env';
import { loadConfigOrExit } from './config';
import { runPerch } from './main';
import { defaultDistDir, repoRoot } from './static';
import { ensureFreshDist } from './static-build';

/** `npm start`: builds the app when dist/ is missing or stale, then runs Perch. */
const config = loadConfigOrExit(process.argv.slice(2), process.env, { command: 'npm start --' });
try {
  await ensureFreshDist(repoRoot, defaultDistDir);
} catch (error) {
  const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
  process.stderr.write(`perch: building the app failed: ${reason ?? ''}\n`);
  process.exit(1);
}
await runPerch(config, { distDir: defaultDistDir });
