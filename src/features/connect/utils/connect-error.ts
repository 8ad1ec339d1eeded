import { ApiError, NetworkError, ResponseShapeError, TimeoutError } from '@/lib/api/errors';
import { CONNECT_ERROR_CODES, type SessionMode } from '@/lib/perch/session';

/** What went wrong while connecting, in two plain sentences: what, and what to do. */
export interface ConnectProblem {
  summary: string;
  advice: string;
}

const ACCESS_KEYS_PLACE = 'Settings → Developer → Access keys';

function seconds(n: number): string {
  return n === 1 ? '1 second' : `${String(n)} seconds`;
}

function detailLines(details: Record<string, string[]> | undefined): string {
  if (details === undefined) return '';
  return Object.values(details)
    .flat()
    .map((line) => (line.endsWith('.') ? line : `${line}.`))
    .join(' ');
}

/** The answer of `POST /session` (or the lack of one) as a problem an operator can act on. */
export function describeConnectError(error: unknown, mode: SessionMode): ConnectProblem {
  const upstream = mode === 'sandbox' ? 'The sandbox' : 'Bird';

  if (error instanceof NetworkError) {
    return {
      summary: 'The Perch server could not be reached.',
      advice: 'Check that Perch is still running, then try again.',
    };
  }
  if (error instanceof TimeoutError) {
    return {
      summary: 'The Perch server did not answer in time.',
      advice: 'Try again in a moment.',
    };
  }
  if (error instanceof ResponseShapeError) {
    return {
      summary: 'The Perch server answered with something unexpected.',
      advice: 'Reload the page; this page and the server may be different versions.',
    };
  }
  if (!(error instanceof ApiError)) {
    return {
      summary: 'Connecting failed.',
      advice: error instanceof Error ? error.message : 'Try again.',
    };
  }

  switch (error.status) {
    case 400:
    case 422:
      return {
        summary: 'Some of what was entered is not valid.',
        advice: detailLines(error.details) || error.message,
      };
    case 401:
      return {
        summary: `Wrong access key: ${upstream} did not accept it.`,
        advice: `Check that you copied the whole key. Bird lists access keys under ${ACCESS_KEYS_PLACE}.`,
      };
    case 403:
      return {
        summary: 'This access key has no access to that workspace.',
        advice:
          "Use a key whose role can read the workspace's channels, or the id of the workspace the key belongs to.",
      };
    case 404:
      return {
        summary: `Unknown workspace: ${upstream} knows no workspace with this id.`,
        advice:
          'Copy the workspace id from the workspace settings in Bird, or from the address of a Bird page (the part after /workspaces/).',
      };
    case 429:
      return {
        summary: `${upstream} is limiting requests for this access key.`,
        advice:
          error.retryAfter === undefined
            ? 'Try again shortly.'
            : `Try again in ${seconds(error.retryAfter)}.`,
      };
    case 503:
      return {
        summary: error.message,
        advice: 'Connect to Bird instead, or start Perch with its sandbox.',
      };
    case 504:
      return {
        summary: `${upstream} did not answer in time.`,
        advice: `${upstream} may be slow or unreachable from the Perch server. Try again in a moment.`,
      };
    case 502:
      return error.code === CONNECT_ERROR_CODES.unreachable
        ? {
            summary: `${upstream} is unreachable.`,
            advice:
              mode === 'sandbox'
                ? 'The Perch server could not open a connection to its sandbox. Restart Perch.'
                : "The Perch server could not open a connection to Bird's API. Check its network connection, or use the sandbox, which works offline.",
          }
        : {
            summary: `${upstream} answered with an error.`,
            advice: `${error.message}. Try again in a moment.`,
          };
    default:
      return {
        summary: error.status >= 500 ? 'The Perch server failed.' : 'Connecting failed.',
        advice: error.message,
      };
  }
}
