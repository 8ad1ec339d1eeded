import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { messageSchema, type Message } from '@/lib/bird/message';
import {
  batchSendResponseSchema,
  type BatchSendRequestInput,
  type BatchSendResponse,
  type SendMessageRequestInput,
} from '@/lib/bird/send-body';
import { messageKeys } from './bird-keys';
import { apiClient } from './client';
import { batchMessagesPath, channelMessagesPath } from './paths';

/** E3: 202 with the accepted (or scheduled) message. */
export function sendMessage(
  workspaceId: string,
  channelId: string,
  body: SendMessageRequestInput,
  signal?: AbortSignal,
): Promise<Message> {
  return apiClient.request(channelMessagesPath(workspaceId, channelId), messageSchema, {
    method: 'POST',
    body,
    signal,
  });
}

/** E4: 202 with the batch id; invalid items become `rejected` messages of the batch. */
export function sendBatch(
  workspaceId: string,
  channelId: string,
  body: BatchSendRequestInput,
  signal?: AbortSignal,
): Promise<BatchSendResponse> {
  return apiClient.request(batchMessagesPath(workspaceId, channelId), batchSendResponseSchema, {
    method: 'POST',
    body,
    signal,
  });
}

export interface SendMessageVariables {
  channelId: string;
  body: SendMessageRequestInput;
}

export interface SendBatchVariables {
  channelId: string;
  body: BatchSendRequestInput;
}

/** Send one message; every message list of the workspace is stale afterwards. */
export function sendMessageMutationOptions(queryClient: QueryClient, workspaceId: string) {
  return mutationOptions({
    mutationKey: [...messageKeys.all(workspaceId), 'send'],
    mutationFn: ({ channelId, body }: SendMessageVariables) =>
      sendMessage(workspaceId, channelId, body),
    onSuccess: (message) => {
      queryClient.setQueryData(
        messageKeys.detail(workspaceId, message.channelId, message.id),
        message,
      );
      return queryClient.invalidateQueries({ queryKey: messageKeys.lists(workspaceId) });
    },
  });
}

/** Send a batch; every message list of the workspace is stale afterwards. */
export function sendBatchMutationOptions(queryClient: QueryClient, workspaceId: string) {
  return mutationOptions({
    mutationKey: [...messageKeys.all(workspaceId), 'send-batch'],
    mutationFn: ({ channelId, body }: SendBatchVariables) =>
      sendBatch(workspaceId, channelId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.lists(workspaceId) }),
  });
}
