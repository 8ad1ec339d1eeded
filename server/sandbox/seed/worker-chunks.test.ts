import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { openDatabase } from '../db/open-database';
import { ensureWorkspace } from '../store/workspace';
import { preparedChunks } from './chunks';
import { generateSeed } from './generate';
import { workerChunks } from './worker-chunks';

describe('seed worker', () => {
  it('starts here and yields exactly the chunks this thread would make', () => {
    const db = openDatabase(':memory:');
    const workspace = ensureWorkspace(db, new ManualClock());
    db.close();
    const job = {
      count: 700,
      context: {
        workspaceId: workspace.id,
        channels: workspace.channels,
        now: Date.parse('2026-11-27T12:00:00.000Z'),
      },
      seed: 42,
      chunkSize: 100,
    };
    const threaded = workerChunks(job);
    expect(threaded).toBeDefined();
    const inline = [
      ...preparedChunks(generateSeed(job.count, job.context, job.seed), job.chunkSize),
    ];
    expect([...(threaded ?? [])]).toStrictEqual(inline);
  });
});
