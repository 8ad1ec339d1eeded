import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxProcess, type SandboxProcess } from './http/test-process';
import { DEFAULT_CHANNEL_IDS } from './store';

/**
 * A 202 is a promise: the message is committed before the answer leaves. The standalone
 * sandbox runs as a child process on a file database, takes a stream of sends from several
 * concurrent clients, and is killed with SIGKILL mid-stream — no chance to flush or close.
 * After a restart, every message that was answered with a 202 is there, with its body.
 */

const KEY = 'durability-key-0001';
const WORKERS = 8;
const KILL_AFTER = 200;

interface Accepted {
  id: string;
  channelId: string;
  text: string;
}

describe('durability', () => {
  let dataDir: string;
  let running: SandboxProcess | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'perch-sandbox-durability-'));
  });
  afterEach(async () => {
    await running?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const args = () => [
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--access-key',
    KEY,
    '--clock',
    'manual',
    '--rate-limits',
    'off',
  ];

  it('keeps every message that got a 202 across a SIGKILL', async () => {
    running = await startSandboxProcess(args());
    const { url, workspaceId } = running;
    const accepted: Accepted[] = [];
    const state = { killed: false };
    // Read through a function: the other workers change it while this one awaits.
    const isKilled = (): boolean => state.killed;
    let sequence = 0;
    const channels = [DEFAULT_CHANNEL_IDS.sms, DEFAULT_CHANNEL_IDS.whatsapp];

    const worker = async (): Promise<void> => {
      while (!isKilled()) {
        sequence += 1;
        const channelId = channels[sequence % channels.length] ?? DEFAULT_CHANNEL_IDS.sms;
        const text = `durable message ${sequence} ${'·'.repeat(sequence % 50)}`;
        let response: Response;
        try {
          response = await fetch(
            `${url}/workspaces/${workspaceId}/channels/${channelId}/messages`,
            {
              method: 'POST',
              headers: { authorization: `AccessKey ${KEY}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                receiver: {
                  contacts: [{ identifierValue: `+3161${String(sequence).padStart(7, '0')}` }],
                },
                body: { type: 'text', text: { text } },
                reference: `seq-${sequence}`,
              }),
            },
          );
        } catch {
          // The connection died with the process: no 202, no promise.
          return;
        }
        if (response.status !== 202) throw new Error(`unexpected ${response.status}`);
        const message = (await response.json()) as { id: string };
        accepted.push({ id: message.id, channelId, text });
        if (accepted.length >= KILL_AFTER && !isKilled()) {
          state.killed = true;
          // Killed while the other workers' requests are still in flight.
          await running?.stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    expect(state.killed).toBe(true);
    expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER);

    running = await startSandboxProcess(args());
    expect(running.workspaceId).toBe(workspaceId);
    for (const message of accepted) {
      const response = await fetch(
        `${running.url}/workspaces/${workspaceId}/channels/${message.channelId}/messages/${message.id}`,
        { headers: { authorization: `AccessKey ${KEY}` } },
      );
      expect(response.status, message.id).toBe(200);
      const stored = (await response.json()) as { body: unknown; status: string };
      expect(stored.body).toEqual({ type: 'text', text: { text: message.text } });
    }
  });
});
