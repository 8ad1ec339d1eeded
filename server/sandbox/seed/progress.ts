/**
 * A one-line progress bar on stderr for {@link seedMessages}' `onProgress`:
 * `Seeding ███████░░░░░░░  48% 480000/1000000 12.3s`. Redraws in place on a terminal;
 * elsewhere prints a line per 10%.
 */
export function stderrProgress(
  label = 'Seeding',
  stream: NodeJS.WriteStream = process.stderr,
): (done: number, total: number) => void {
  const started = performance.now();
  const width = 30;
  let lastDecile = -1;
  return (done, total) => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * width);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(Math.floor(ratio * 100)).padStart(3)}% ${String(done)}/${String(total)} ${seconds}s`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done >= total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== lastDecile || done >= total) {
      lastDecile = decile;
      stream.write(`${line}\n`);
    }
  };
}
