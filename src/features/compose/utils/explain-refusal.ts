import type { ApiError } from '@/lib/api/errors';

/** A refused send (no unknown outcome: nothing was sent) in plain words. */
export function explainRefusal(error: ApiError): string {
  switch (error.status) {
    case 400:
      return `Bird could not read the request (400: ${error.message}). Nothing was sent.`;
    case 403:
      return 'The access key of this session may read but not send (403). Nothing was sent; connect with a key that is allowed to send.';
    case 404:
      return 'This channel no longer exists in the workspace (404). Nothing was sent; choose another channel.';
    case 409:
      return 'This channel is not active (409), so it cannot send. Nothing was sent; choose an active channel.';
    case 413:
      return 'The message is too large to send (413). Nothing was sent; shorten it.';
    case 422:
      return 'Bird refused some fields (422); they are marked below. Nothing was sent.';
    case 429: {
      const wait =
        error.retryAfter === undefined
          ? 'in a moment'
          : `in ${String(error.retryAfter)} second${error.retryAfter === 1 ? '' : 's'}`;
      return `Too many requests to Bird right now (429, the workspace's rate limit). Nothing was sent; send again ${wait}.`;
    }
    default:
      return `The send was refused (${String(error.status)}: ${error.message}). Nothing was sent.`;
  }
}
