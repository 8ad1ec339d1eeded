import { describe, expect, it } from 'vitest';
import { validateBirdForm } from './bird-form';

const workspaceId = '0b6d71fc-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

describe('validateBirdForm', () => {
  it('builds the connect request, trimming the workspace id', () => {
    expect(validateBirdForm({ accessKey: 'abc123XYZ', workspaceId: ` ${workspaceId} ` })).toEqual({
      ok: true,
      request: { mode: 'bird', accessKey: 'abc123XYZ', workspaceId },
    });
  });

  it('says what is wrong with each field', () => {
    const result = validateBirdForm({ accessKey: '', workspaceId: 'my-workspace' });
    expect(result).toEqual({
      ok: false,
      errors: { accessKey: 'Enter the access key', workspaceId: 'A workspace id is a UUID' },
    });
  });

  it('rejects a key with spaces inside', () => {
    const result = validateBirdForm({ accessKey: 'two words', workspaceId });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.accessKey).toMatch(/no spaces/);
  });
});
