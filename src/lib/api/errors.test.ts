import { describe, expect, it } from 'vitest';
import {
  ApiError,
  NetworkError,
  TimeoutError,
  apiErrorFromBody,
  apiErrorFromResponse,
  isRequestError,
  isSessionLost,
  isTransient,
  parseRetryAfter,
} from './errors';

describe('apiErrorFromResponse', () => {
  it('reads the Bird error body, details and Retry-After', async () => {
    const response = new Response(
      JSON.stringify({
        code: 'InvalidPayload',
        message: 'One or more fields provided in the request body are malformed',
        details: { '.receiver.contacts[0].identifierValue': ['must be an E.164 phone number'] },
      }),
      { status: 422, headers: { 'content-type': 'application/json', 'retry-after': '3' } },
    );
    const error = await apiErrorFromResponse(response, '/api/workspaces/w/channels/c/messages');
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('InvalidPayload');
    expect(error.message).toBe('One or more fields provided in the request body are malformed');
    expect(error.details).toEqual({
      '.receiver.contacts[0].identifierValue': ['must be an E.164 phone number'],
    });
    expect(error.retryAfter).toBe(3);
    expect(error.path).toBe('/api/workspaces/w/channels/c/messages');
  });

  it('falls back to a generic message per status without a JSON body', async () => {
    const error = await apiErrorFromResponse(
      new Response('<html>bad gateway</html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      }),
      '/api/x',
    );
    expect(error.code).toBe('BadGateway');
    expect(error.message).toBe('Bird could not be reached.');
    expect(error.details).toBeUndefined();
    expect(error.retryAfter).toBeUndefined();
  });

  it('survives a body that claims JSON but is not', async () => {
    const error = await apiErrorFromResponse(
      new Response('{oops', { status: 500, headers: { 'content-type': 'application/json' } }),
      '/api/x',
    );
    expect(error.status).toBe(500);
    expect(error.message).toBe('The server failed (500).');
  });
});

describe('apiErrorFromBody', () => {
  it('ignores malformed fields and keeps the rest', () => {
    const error = apiErrorFromBody(404, { code: 7, message: '', details: 'x' }, '/session');
    expect(error.code).toBe('NotFound');
    expect(error.message).toBe('Not found.');
    expect(error.details).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('2')).toBe(2);
    const now = Date.parse('2026-11-27T15:04:05.000Z');
    expect(parseRetryAfter('Fri, 27 Nov 2026 15:04:10 GMT', now)).toBe(5);
    expect(parseRetryAfter('Fri, 27 Nov 2026 15:04:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('classification', () => {
  const unauthorized = (path: string) =>
    new ApiError({ status: 401, code: 'Unauthorized', message: 'Not connected', path });

  it('treats a 401 from the pass-through as a lost session, not one from /session', () => {
    expect(isSessionLost(unauthorized('/api/workspaces/w/channels'))).toBe(true);
    expect(isSessionLost(unauthorized('/media/workspaces/w/messages/m/media/x'))).toBe(true);
    expect(isSessionLost(unauthorized('/session'))).toBe(false);
    expect(isSessionLost(new NetworkError('/api/x'))).toBe(false);
  });

  it('marks network, timeout, 429 and 5xx as transient', () => {
    expect(isTransient(new NetworkError('/api/x'))).toBe(true);
    expect(isTransient(new TimeoutError('/api/x', 15_000))).toBe(true);
    expect(isTransient(apiErrorFromBody(429, undefined, '/api/x', 1))).toBe(true);
    expect(isTransient(apiErrorFromBody(503, undefined, '/api/x'))).toBe(true);
    expect(isTransient(apiErrorFromBody(404, undefined, '/api/x'))).toBe(false);
    expect(isRequestError(new Error('x'))).toBe(false);
    expect(isRequestError(new TimeoutError('/api/x', 1000))).toBe(true);
  });
});
