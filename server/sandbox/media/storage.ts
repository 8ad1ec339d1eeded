import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder inside `--data-dir` that holds uploaded files. */
export const MEDIA_DIR_NAME = 'media';

const PARTIAL_SUFFIX = '.part';
const storedNamePattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.bin$/;

/**
 * Where uploaded files live: `{dataDir}/media/`, or a private temporary folder when the
 * database is in memory (removed on close). Every name is generated here — a random UUID —
 * so nothing a client sends ever becomes part of a path. A file is written under a
 * `.part` name and renamed into place only once it is complete.
 */
export class MediaStorage {
  readonly dir: string;
  readonly #temporary: boolean;

  constructor(dataDir: string) {
    this.#temporary = dataDir === ':memory:';
    if (this.#temporary) {
      this.dir = mkdtempSync(join(tmpdir(), 'perch-sandbox-media-'));
    } else {
      this.dir = join(dataDir, MEDIA_DIR_NAME);
      mkdirSync(this.dir, { recursive: true });
      this.#removePartials();
    }
  }

  /** Partial files left behind by a process that stopped mid-upload. */
  #removePartials(): void {
    for (const name of readdirSync(this.dir)) {
      if (name.endsWith(PARTIAL_SUFFIX)) unlinkSync(join(this.dir, name));
    }
  }

  /** A fresh path for an upload in progress. */
  partialPath(): string {
    return join(this.dir, `.${randomUUID()}${PARTIAL_SUFFIX}`);
  }

  /** Moves a complete upload into place; returns the stored name. */
  async commit(partial: string): Promise<string> {
    const name = `${randomUUID()}.bin`;
    await rename(partial, join(this.dir, name));
    return name;
  }

  /** Deletes a file, whether or not it exists. */
  async discard(path: string): Promise<void> {
    await unlink(path).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  }

  /** The path of a stored name; refuses anything this class did not generate. */
  pathOf(storedName: string): string {
    if (!storedNamePattern.test(storedName)) throw new Error('not a stored media name');
    return join(this.dir, storedName);
  }

  /** Removes the temporary folder of an in-memory sandbox; files on disk stay. */
  close(): void {
    if (this.#temporary) rmSync(this.dir, { recursive: true, force: true });
  }
}
