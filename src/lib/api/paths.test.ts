import { describe, expect, it } from 'vitest';
import {
  batchMessagesPath,
  channelPath,
  channelsPath,
  interactionsPath,
  messagePath,
  presignedUploadPath,
  workspaceMessagesPath,
} from './paths';

const ws = '0b6d71fc-0000-4000-8000-000000000001';

describe('paths', () => {
  it('builds the Bird paths below /api', () => {
    expect(channelsPath(ws)).toBe(`/api/workspaces/${ws}/channels`);
    expect(workspaceMessagesPath(ws)).toBe(`/api/workspaces/${ws}/messages`);
    expect(batchMessagesPath(ws, 'c')).toBe(`/api/workspaces/${ws}/channels/c/batch/messages`);
    expect(interactionsPath(ws, 'c', 'm')).toBe(
      `/api/workspaces/${ws}/channels/c/messages/m/interactions`,
    );
    expect(presignedUploadPath(ws, 'c')).toBe(`/api/workspaces/${ws}/channels/c/presigned-upload`);
    expect(presignedUploadPath(ws, null)).toBe(
      `/api/workspaces/${ws}/channel-media/presigned-upload`,
    );
  });

  it('encodes every segment', () => {
    expect(channelPath(ws, '../../x')).toBe(`/api/workspaces/${ws}/channels/..%2F..%2Fx`);
    expect(messagePath('a b', 'c?d', 'e#f')).toBe(
      '/api/workspaces/a%20b/channels/c%3Fd/messages/e%23f',
    );
  });
});
