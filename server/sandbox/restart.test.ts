import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { CHANNELS, startTestSandbox, type TestMessage } from './routes/test-harness';

describe('restart', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'perch-sandbox-restart-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps pending transitions in the database and continues them after reopening', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const first = await startTestSandbox({ dataDir, clock, accessKey: undefined });
    const key = first.sandbox.accessKey;
    const workspaceId = first.sandbox.workspaceId;
    const now = await first.send(CHANNELS.sms, '+31612349993');
    const scheduled = await first.send(CHANNELS.whatsapp, '+31612345678', {
      scheduledFor: new Date(start + 3_600_000).toISOString(),
    });
    await first.advance(300);
    const read = async (t: typeof first, channelId: string, message: TestMessage) =>
      (
        await t.get(`/workspaces/${t.ws}/channels/${channelId}/messages/${message.id}`, key)
      ).json<TestMessage>();
    expect((await read(first, CHANNELS.sms, now)).status).toBe('processing');
    await first.close();

    // Ten minutes later: everything that fell due meanwhile is applied on start, in order,
    // with the times it was due.
    clock.advance(600_000);
    const second = await startTestSandbox({ dataDir, clock, accessKey: undefined });
    try {
      expect(second.sandbox.workspaceId).toBe(workspaceId);
      expect(second.sandbox.accessKey).toBe(key);
      expect(await read(second, CHANNELS.sms, now)).toMatchObject({
        status: 'delivered',
        lastStatusAt: new Date(start + 900).toISOString(),
      });
      const replies = (
        await second.get(`/workspaces/${workspaceId}/messages?direction=incoming`, key)
      ).json<{ results: TestMessage[] }>().results;
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({
        createdAt: new Date(start + 1200).toISOString(),
        body: { text: { text: 'Thanks!' } },
      });
      // The scheduled message is still waiting, and goes on when its time comes.
      expect((await read(second, CHANNELS.whatsapp, scheduled)).status).toBe('scheduled');
      const response = await second.post('/_sandbox/clock/advance', { ms: 3_100_000 }, key);
      expect(response.statusCode).toBe(200);
      expect(await read(second, CHANNELS.whatsapp, scheduled)).toMatchObject({
        status: 'delivered',
        lastStatusAt: new Date(start + 3_600_900).toISOString(),
      });
      expect(second.sandbox.scheduler.nextDueAt()).toBeUndefined();
    } finally {
      await second.close();
    }
  });
});
