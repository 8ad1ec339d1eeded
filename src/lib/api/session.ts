import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  sessionInfoSchema,
  type CreateSessionRequest,
  type SessionInfo,
} from '@/lib/perch/session';
import { birdKeys } from './bird-keys';
import { apiClient } from './client';
import { isSessionLost } from './errors';

export const SESSION_PATH = '/session';

/** Query keys of Perch's own session; one root. */
export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  mutations: () => [...sessionKeys.all, 'mutation'] as const,
  connect: () => [...sessionKeys.mutations(), 'connect'] as const,
  disconnect: () => [...sessionKeys.mutations(), 'disconnect'] as const,
};

export function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  return apiClient.request(SESSION_PATH, sessionInfoSchema, { signal });
}

/** `GET /session`: connected or not, and if so to what. */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.current(),
    queryFn: ({ signal }) => fetchSession(signal),
    // Always worth asking again (a same-origin lookup in server memory): a session that
    // expired while the window was in the background shows as soon as it is back in focus.
    // Connecting and disconnecting write their answer into the cache; a 401 from /api marks
    // the session lost (noteSessionLost).
    staleTime: 0,
  });
}

/**
 * `POST /session`. The access key travels once, in this body, to Perch's own origin; the
 * answer carries only its last four characters.
 */
export function connectSession(request: CreateSessionRequest): Promise<SessionInfo> {
  return apiClient.request(SESSION_PATH, sessionInfoSchema, { method: 'POST', body: request });
}

/** `DELETE /session`: forgets the key on the server and clears the cookie. */
export function disconnectSession(): Promise<void> {
  return apiClient.requestVoid(SESSION_PATH, { method: 'DELETE' });
}

/**
 * Records the session a connect or disconnect just made, and drops every cached Bird answer
 * (they belong to the previous session's workspace). A `GET /session` still in flight was
 * asked before the change and would overwrite it with the old answer when it lands (the
 * page would bounce back to Connect), so it is cancelled first.
 */
async function settleSession(queryClient: QueryClient, session: SessionInfo): Promise<void> {
  await queryClient.cancelQueries({ queryKey: sessionKeys.current() });
  queryClient.removeQueries({ queryKey: birdKeys.all });
  queryClient.setQueryData(sessionKeys.current(), session);
}

export function connectMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: sessionKeys.connect(),
    mutationFn: connectSession,
    onSuccess: (session) => settleSession(queryClient, session),
  });
}

export function disconnectMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: sessionKeys.disconnect(),
    mutationFn: disconnectSession,
    onSuccess: () => settleSession(queryClient, { connected: false }),
  });
}

/**
 * For the app's QueryCache/MutationCache `onError`: when `error` is a 401 from the
 * pass-through (the session expired or was ended elsewhere), records "not connected" so the
 * app can send the user to Connect. Returns whether it did.
 */
export function noteSessionLost(queryClient: QueryClient, error: unknown): boolean {
  if (!isSessionLost(error)) return false;
  const current = queryClient.getQueryData<SessionInfo>(sessionKeys.current());
  if (current?.connected !== false) {
    queryClient.setQueryData<SessionInfo>(sessionKeys.current(), { connected: false });
  }
  return true;
}
