import { ensureChromium } from '../e2e/support/chromium';

/** For .ci/run: finds Chromium, or installs it (root on Debian), or explains how. */
try {
  process.stdout.write(`Chromium for the end-to-end tests: ${ensureChromium()}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
