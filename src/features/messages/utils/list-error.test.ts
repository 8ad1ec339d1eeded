import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '@/lib/api/errors';
import { describeListError } from './list-error';

describe('describeListError', () => {
  it('says Perch waits as asked after a 429', () => {
    const error = new ApiError({
      status: 429,
      code: 'TooManyRequests',
      message: 'Too many requests',
      retryAfter: 2,
      path: '/api/workspaces/x/messages',
    });
    expect(describeListError(error)).toEqual({
      message: 'Bird is receiving too many requests from this workspace (429).',
      rateLimitNote: 'Perch waits 2 seconds as Bird asked before it reads again.',
    });
  });

  it('passes other errors through in plain words', () => {
    expect(describeListError(new NetworkError('/api')).message).toMatch(/could not be reached/);
    expect(describeListError('weird').message).toBe('The messages could not be read.');
  });
});
