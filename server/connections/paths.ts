import { PerchHttpError, notFound } from './errors';

/**
 * Which requests the pass-through lets out: the method and path shapes of the contract's
 * endpoint table (§2), matched on the raw request target, before any decoding.
 *
 * The paths of the contract need nothing but letters, digits, `-` and single `/`: literal
 * segments and UUIDs. So the rule is simple and strict: a path with any other character — a
 * `%` escape of any kind (`%2e`, `%2f`, `%5c`, `%252e` …), a dot, a backslash, an empty
 * segment (`//`), a control character — is refused as it stands, and never decoded,
 * normalised or resolved. What remains is compared segment by segment with the table.
 */

export type EndpointName =
  'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'E7' | 'E8' | 'E9' | 'E11' | 'E12';

/** `:ws` must be the session's workspace; the other `:`-segments are UUIDs. */
interface Shape {
  name: EndpointName;
  method: 'GET' | 'POST';
  segments: readonly string[];
}

const shape = (name: EndpointName, method: Shape['method'], pattern: string): Shape => ({
  name,
  method,
  segments: pattern.split('/'),
});

/** E1–E9, below `/api`. */
export const API_SHAPES: readonly Shape[] = [
  shape('E1', 'GET', 'workspaces/:ws/channels'),
  shape('E2', 'GET', 'workspaces/:ws/channels/:ch'),
  shape('E3', 'POST', 'workspaces/:ws/channels/:ch/messages'),
  shape('E4', 'POST', 'workspaces/:ws/channels/:ch/batch/messages'),
  shape('E5', 'GET', 'workspaces/:ws/channels/:ch/messages'),
  shape('E6', 'GET', 'workspaces/:ws/messages'),
  shape('E7', 'GET', 'workspaces/:ws/channels/:ch/messages/:msg'),
  shape('E8', 'GET', 'workspaces/:ws/channels/:ch/messages/:msg/interactions'),
  shape('E9', 'POST', 'workspaces/:ws/channels/:ch/presigned-upload'),
  shape('E9', 'POST', 'workspaces/:ws/channel-media/presigned-upload'),
];

/**
 * E11 and E12, below `/media`. A HEAD there matches the GET shapes: the contract lists only
 * GET, so Perch answers a HEAD from an upstream GET whose body it drops (media-routes.ts);
 * the page uses it to learn a file's size without downloading it.
 */
export const MEDIA_SHAPES: readonly Shape[] = [
  shape('E11', 'GET', 'workspaces/:ws/channels/:ch/media/:media'),
  shape('E12', 'GET', 'workspaces/:ws/messages/:msg/media/:media'),
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A path: `/`, then one or more plain segments separated by single slashes. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9-]+)+$/;
/** Anything outside visible ASCII: controls, space, DEL, CR/LF, non-ASCII. */
const NOT_VISIBLE_ASCII = /[^\x21-\x7e]/;
/** Escaped control characters (`%00`–`%1f`, `%7f`): CR/LF and friends, encoded. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

export interface MatchedTarget {
  endpoint: EndpointName;
  method: 'GET' | 'POST';
  /** The path below the prefix, starting with `/`, exactly as the client sent it. */
  path: string;
  /** `''` or `?…`, exactly as the client sent it. */
  search: string;
}

const malformed = (): PerchHttpError =>
  new PerchHttpError(
    400,
    'BadRequest',
    "Perch passes only plain Bird paths: letters, digits, '-' and single '/'",
  );

/**
 * Splits a raw request target (`request.raw.url`) below `prefix` into the validated path and
 * the untouched query string, or throws: 400 for a target no Bird path could be written as,
 * 404 for one that is not below the prefix.
 */
export function splitRawTarget(
  rawUrl: string,
  prefix: '/api' | '/media',
): { path: string; search: string; segments: string[] } {
  if (NOT_VISIBLE_ASCII.test(rawUrl) || rawUrl.includes('\\')) throw malformed();
  if (!rawUrl.startsWith(`${prefix}/`)) throw notFound();
  const queryAt = rawUrl.indexOf('?');
  const path = rawUrl.slice(prefix.length, queryAt === -1 ? undefined : queryAt);
  const search = queryAt === -1 ? '' : rawUrl.slice(queryAt);
  if (!PLAIN_PATH.test(path) || ENCODED_CONTROL.test(search)) throw malformed();
  return { path, search, segments: path.slice(1).split('/') };
}

/**
 * The endpoint a raw target names, for `method` and the session's workspace; throws 404 for
 * anything the table does not list (other methods, other shapes, non-UUID ids, another
 * workspace) and 400 for malformed targets (see {@link splitRawTarget}). The matched
 * `method` is the one to ask the upstream with: GET for a HEAD on `/media`.
 */
export function matchTarget(
  rawUrl: string,
  method: string,
  prefix: '/api' | '/media',
  workspaceId: string,
): MatchedTarget {
  const { path, search, segments } = splitRawTarget(rawUrl, prefix);
  const shapes = prefix === '/api' ? API_SHAPES : MEDIA_SHAPES;
  const wanted = prefix === '/media' && method === 'HEAD' ? 'GET' : method;
  const workspace = workspaceId.toLowerCase();
  for (const candidate of shapes) {
    if (candidate.method !== wanted || candidate.segments.length !== segments.length) continue;
    const fits = candidate.segments.every((expected, index) => {
      const actual = segments[index] ?? '';
      if (expected === ':ws') return UUID.test(actual) && actual.toLowerCase() === workspace;
      if (expected.startsWith(':')) return UUID.test(actual);
      return actual === expected;
    });
    if (fits) return { endpoint: candidate.name, method: candidate.method, path, search };
  }
  throw notFound();
}
