import { ApiError, ResponseShapeError } from '@/lib/api/errors';

export interface ListErrorText {
  message: string;
  /** After a 429: Perch waits as Bird asked before it tries again. */
  rateLimitNote?: string;
}

/** What the list says when a page could not be read. */
export function describeListError(error: unknown): ListErrorText {
  if (error instanceof ApiError && error.status === 429) {
    const wait =
      error.retryAfter === undefined
        ? 'a moment'
        : `${String(error.retryAfter)} second${error.retryAfter === 1 ? '' : 's'}`;
    return {
      message: 'Bird is receiving too many requests from this workspace (429).',
      rateLimitNote: `Perch waits ${wait} as Bird asked before it reads again.`,
    };
  }
  if (
    error instanceof ApiError &&
    error.status === 400 &&
    /page ?token|cursor/i.test(error.message)
  ) {
    return { message: `The list's position was not accepted: ${error.message}` };
  }
  if (error instanceof ResponseShapeError) {
    return { message: `${error.message} (${error.issues.slice(0, 2).join('; ')})` };
  }
  if (error instanceof Error && error.message.trim() !== '') return { message: error.message };
  return { message: 'The messages could not be read.' };
}
