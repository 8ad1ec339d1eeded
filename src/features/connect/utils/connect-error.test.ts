import { describe, expect, it } from 'vitest';
import {
  ApiError,
  NetworkError,
  ResponseShapeError,
  TimeoutError,
  apiErrorFromBody,
} from '@/lib/api/errors';
import { describeConnectError } from './connect-error';

const apiError = (status: number, code: string, message = 'm', retryAfter?: number) =>
  new ApiError({ status, code, message, retryAfter, path: '/session' });

describe('describeConnectError', () => {
  it('names a wrong key, a key without access and an unknown workspace', () => {
    expect(describeConnectError(apiError(401, 'Unauthorized'), 'bird').summary).toBe(
      'Wrong access key: Bird did not accept it.',
    );
    expect(describeConnectError(apiError(401, 'Unauthorized'), 'bird').advice).toContain(
      'Settings → Developer → Access keys',
    );
    expect(describeConnectError(apiError(403, 'Forbidden'), 'bird').summary).toBe(
      'This access key has no access to that workspace.',
    );
    expect(describeConnectError(apiError(404, 'NotFound'), 'bird').summary).toBe(
      'Unknown workspace: Bird knows no workspace with this id.',
    );
  });

  it('tells an unreachable Bird from a slow one and from an unreachable Perch', () => {
    expect(
      describeConnectError(apiError(502, 'Unreachable', 'Bird could not be reached'), 'bird')
        .summary,
    ).toBe('Bird is unreachable.');
    expect(describeConnectError(apiError(504, 'Timeout'), 'bird').summary).toBe(
      'Bird did not answer in time.',
    );
    expect(describeConnectError(new NetworkError('/session'), 'bird').summary).toBe(
      'The Perch server could not be reached.',
    );
    expect(describeConnectError(new TimeoutError('/session', 45_000), 'sandbox').summary).toBe(
      'The Perch server did not answer in time.',
    );
  });

  it('passes on a bad gateway, a rate limit and field details', () => {
    expect(
      describeConnectError(
        apiError(502, 'BadGateway', 'Bird answered the key check with status 500'),
        'bird',
      ).advice,
    ).toBe('Bird answered the key check with status 500. Try again in a moment.');
    expect(describeConnectError(apiError(429, 'TooManyRequests', 'm', 3), 'bird').advice).toBe(
      'Try again in 3 seconds.',
    );
    const invalid = apiErrorFromBody(
      422,
      {
        code: 'InvalidPayload',
        message: 'malformed',
        details: { '.workspaceId': ['A workspace id is a UUID'] },
      },
      '/session',
    );
    expect(describeConnectError(invalid, 'bird').advice).toBe('A workspace id is a UUID.');
  });

  it('speaks of the sandbox in sandbox mode', () => {
    expect(
      describeConnectError(
        apiError(503, 'ServiceUnavailable', 'This Perch server runs no sandbox'),
        'sandbox',
      ).summary,
    ).toBe('This Perch server runs no sandbox');
    expect(describeConnectError(apiError(504, 'Timeout'), 'sandbox').summary).toBe(
      'The sandbox did not answer in time.',
    );
  });

  it('covers answers Perch cannot read and unknown errors', () => {
    expect(
      describeConnectError(new ResponseShapeError('/session', 200, ['connected: Invalid']), 'bird')
        .summary,
    ).toBe('The Perch server answered with something unexpected.');
    expect(describeConnectError(new Error('boom'), 'bird')).toEqual({
      summary: 'Connecting failed.',
      advice: 'boom',
    });
  });
});
