import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import {
  ApiError,
  NetworkError,
  ResponseShapeError,
  TimeoutError,
  isSessionLost,
} from '@/lib/api/errors';
import { channelMessagesInfiniteOptions } from '@/lib/api/messages';
import { sendMessageMutationOptions } from '@/lib/api/send';
import type { Message } from '@/lib/bird/message';
import type { SendMessageRequestInput } from '@/lib/bird/send-body';

export type SendPhase =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'checking'; reason: string }
  | { kind: 'sent'; message: Message; recovered: boolean }
  /** The outcome was unknown and the reference is not among the channel's recent messages. */
  | { kind: 'not-found'; reason: string }
  /** The outcome was unknown and the lookup failed too: Send stays blocked until checked. */
  | { kind: 'unchecked'; reason: string; lookupError: string }
  | { kind: 'refused'; error: ApiError };

export interface SendAttempt {
  channelId: string;
  request: SendMessageRequestInput;
  reference: string;
  /** A recipient identifier, to narrow the lookup (E5 `to`). */
  firstRecipient: string | undefined;
}

/** True when the request may or may not have reached Bird. */
function isUnknownOutcome(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof ResponseShapeError ||
    (error instanceof ApiError && error.status >= 500)
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'The send failed for an unknown reason.';
}

/**
 * Sends once. Never retries on its own: when the outcome is unknown (no answer, a timeout,
 * a 5xx, an unreadable 202) it looks the compose session's reference up among the channel's
 * recent messages before Send is offered again.
 */
export function useExactlyOnceSend(workspaceId: string, onSent: (message: Message) => void) {
  const queryClient = useQueryClient();
  const mutation = useMutation(sendMessageMutationOptions(queryClient, workspaceId));
  const [phase, setPhase] = useState<SendPhase>({ kind: 'idle' });
  /** Set synchronously, so a double click cannot start a second request. */
  const inFlight = useRef(false);
  const lastAttempt = useRef<SendAttempt | undefined>(undefined);

  const settle = (next: SendPhase): SendPhase => {
    setPhase(next);
    return next;
  };

  const lookUp = async (attempt: SendAttempt, reason: string): Promise<SendPhase> => {
    setPhase({ kind: 'checking', reason });
    try {
      const data = await queryClient.infiniteQuery({
        ...channelMessagesInfiniteOptions(
          workspaceId,
          attempt.channelId,
          attempt.firstRecipient === undefined ? {} : { to: attempt.firstRecipient },
        ),
        staleTime: 0,
      });
      const found = data.pages
        .flatMap((page) => page.results)
        .find((message) => message.reference === attempt.reference);
      if (!found) return settle({ kind: 'not-found', reason });
      onSent(found);
      return settle({ kind: 'sent', message: found, recovered: true });
    } catch (error) {
      return settle({ kind: 'unchecked', reason, lookupError: describe(error) });
    }
  };

  /** Resolves with how the attempt ended; a second call while one runs does nothing. */
  const send = async (attempt: SendAttempt): Promise<SendPhase | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    lastAttempt.current = attempt;
    setPhase({ kind: 'sending' });
    try {
      const message = await mutation.mutateAsync({
        channelId: attempt.channelId,
        body: attempt.request,
      });
      onSent(message);
      return settle({ kind: 'sent', message, recovered: false });
    } catch (error) {
      if (isUnknownOutcome(error)) return await lookUp(attempt, describe(error));
      if (error instanceof ApiError && !isSessionLost(error)) {
        return settle({ kind: 'refused', error });
      }
      return settle({ kind: 'idle' });
    } finally {
      inFlight.current = false;
    }
  };

  const checkAgain = async () => {
    const attempt = lastAttempt.current;
    if (attempt === undefined || inFlight.current) return;
    inFlight.current = true;
    try {
      await lookUp(attempt, phase.kind === 'unchecked' ? phase.reason : 'unknown outcome');
    } finally {
      inFlight.current = false;
    }
  };

  return {
    phase,
    send,
    checkAgain,
    reset: () => {
      setPhase({ kind: 'idle' });
    },
  };
}
