import type { SessionInfo } from './session';

/** The workspace of {@link testSession}, for the unit tests' URLs. */
export const TEST_WORKSPACE_ID = '0b6d71fc-0000-4000-8000-000000000001';

/** A connected sandbox session, as `GET /session` answers it, for unit tests. */
export const testSession: Extract<SessionInfo, { connected: true }> = {
  connected: true,
  mode: 'sandbox',
  workspaceId: TEST_WORKSPACE_ID,
  keyHint: 'abcd',
  mediaBases: ['http://127.0.0.1:4173/sandbox'],
  expiresAt: '2026-11-27T16:04:05.123Z',
};
