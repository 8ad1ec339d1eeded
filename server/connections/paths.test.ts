import { describe, expect, it } from 'vitest';
import { PerchHttpError } from './errors';
import { matchTarget } from './paths';

const ws = '0b6d71fc-0000-4000-8000-000000000001';
const ch = '0b6d71fc-0000-4000-8000-00000000c001';

function statusOf(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof PerchHttpError ? error.statusCode : -1;
  }
}

describe('matchTarget', () => {
  it('names the endpoint and keeps path and query exactly as sent', () => {
    const query = '?pageToken=WyIyMDI2Il0%2F%2B%3D&tag=a%20b&status=sent&status=read';
    expect(
      matchTarget(`/api/workspaces/${ws}/channels/${ch}/messages${query}`, 'GET', '/api', ws),
    ).toEqual({
      endpoint: 'E5',
      method: 'GET',
      path: `/workspaces/${ws}/channels/${ch}/messages`,
      search: query,
    });
    expect(
      matchTarget(`/api/workspaces/${ws}/channels/${ch}/messages`, 'POST', '/api', ws).endpoint,
    ).toBe('E3');
    expect(
      matchTarget(`/api/workspaces/${ws}/channel-media/presigned-upload`, 'POST', '/api', ws)
        .endpoint,
    ).toBe('E9');
  });

  it('compares the workspace without regard to case, and accepts upper-case ids', () => {
    const upper = ws.toUpperCase();
    expect(
      matchTarget(`/api/workspaces/${upper}/channels/${ch.toUpperCase()}`, 'GET', '/api', ws)
        .endpoint,
    ).toBe('E2');
  });

  it('keeps /api and /media shapes apart', () => {
    const media = `/workspaces/${ws}/channels/${ch}/media/${ch}`;
    expect(matchTarget(`/media${media}`, 'GET', '/media', ws).endpoint).toBe('E11');
    expect(statusOf(() => matchTarget(`/api${media}`, 'GET', '/api', ws))).toBe(404);
    expect(
      statusOf(() => matchTarget(`/media/workspaces/${ws}/channels`, 'GET', '/media', ws)),
    ).toBe(404);
  });

  it('lets a HEAD through on the media shapes only, to be asked upstream as a GET', () => {
    const e11 = `/media/workspaces/${ws}/channels/${ch}/media/${ch}`;
    const e12 = `/media/workspaces/${ws}/messages/${ch}/media/${ch}`;
    expect(matchTarget(e11, 'HEAD', '/media', ws)).toMatchObject({
      endpoint: 'E11',
      method: 'GET',
    });
    expect(matchTarget(e12, 'HEAD', '/media', ws)).toMatchObject({
      endpoint: 'E12',
      method: 'GET',
    });
    expect(
      statusOf(() => matchTarget(`/media/workspaces/${ws}/channels`, 'HEAD', '/media', ws)),
    ).toBe(404);
    expect(statusOf(() => matchTarget(`/api/workspaces/${ws}/channels`, 'HEAD', '/api', ws))).toBe(
      404,
    );
    expect(statusOf(() => matchTarget(e11, 'OPTIONS', '/media', ws))).toBe(404);
  });

  it.each([
    [`/api/workspaces/${ws}/channels/`, 400],
    [`/api/workspaces/${ws}//channels`, 400],
    [`/api/workspaces/${ws}/channels/.`, 400],
    [`/api/workspaces/${ws}/channels/%41`, 400],
    [`/api/workspaces/${ws}/channels;x=1`, 400],
    [`/api/workspaces/${ws}/channels?x=%7f`, 400],
    [`/api/workspaces/${ws}/channels?x=\\`, 400],
    [`/api/workspaces/${ws}/channels#x`, 400],
    [`/api/workspaces/${ws}/channels\u00e9`, 400],
    [`/apix/workspaces/${ws}/channels`, 404],
    [`/api/Workspaces/${ws}/channels`, 404],
    [`/api/workspaces/${ws}/channels/${ch}x`, 404],
  ])('refuses %s with %i', (url, status) => {
    expect(statusOf(() => matchTarget(url, 'GET', '/api', ws))).toBe(status);
  });
});
