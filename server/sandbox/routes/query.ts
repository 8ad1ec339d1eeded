import type { z } from '../../../src/lib/zod';
import { parseWithDetails } from '../../../src/lib/bird/validation-details';
import { decodePageToken, type PageCursor } from '../store';
import { BirdError, invalidPayload } from '../http/errors';

const PAGE_TOKEN_PATH = '.pageToken';

/**
 * Parses a list's query string with its shared schema. Out-of-range or malformed parameters
 * are a 422 with `details` (e.g. `.limit`); a page token that is not one of ours is a 400
 * (contract §1: never a silent restart from the first page).
 */
export function parseListQuery<S extends z.core.$ZodType<{ pageToken?: string | undefined }>>(
  schema: S,
  query: unknown,
): { query: z.output<S>; after: PageCursor | undefined } {
  const parsed = parseWithDetails(schema, query ?? {});
  if (!parsed.ok) {
    const { [PAGE_TOKEN_PATH]: tokenProblems, ...rest } = parsed.details;
    if (Object.keys(rest).length > 0)
      throw invalidPayload(rest, 'One or more query parameters are invalid');
    if (tokenProblems !== undefined) throw invalidPageToken();
    throw invalidPayload(parsed.details, 'One or more query parameters are invalid');
  }
  const token = parsed.value.pageToken;
  if (token === undefined) return { query: parsed.value, after: undefined };
  const after = decodePageToken(token);
  if (after === undefined) throw invalidPageToken();
  return { query: parsed.value, after };
}

function invalidPageToken(): BirdError {
  return new BirdError(400, 'The pageToken is not valid; start again without it');
}
