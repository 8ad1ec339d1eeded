import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallback } from 'fastify';
import { interactionListQuerySchema } from '../../../src/lib/bird/interaction';
import type { Message, OutgoingMessage } from '../../../src/lib/bird/message';
import {
  channelMessageListQuerySchema,
  workspaceMessageListQuerySchema,
  type ChannelMessageListQuery,
} from '../../../src/lib/bird/message-list-query';
import { validateBatchEnvelope, validateSendBody } from '../../../src/lib/bird/send-body';
import type { Sandbox } from '../create-sandbox';
import { invalidPayload, notFound } from '../http/errors';
import { requireJsonBody } from '../http/json-body';
import { buildOutgoingMessage, buildRejectedMessage } from '../lifecycle/outgoing';
import type { MessageFilters, PageCursor } from '../store';
import { parseListQuery } from './query';
import {
  requireChannel,
  requireSendableChannel,
  requireWorkspace,
  type ChannelParams,
  type MessageParams,
  type WorkspaceParams,
} from './resolve';

function filtersOf(query: ChannelMessageListQuery): MessageFilters {
  return {
    platform: query.platform,
    startAt: query.startAt === undefined ? undefined : Date.parse(query.startAt),
    endAt: query.endAt === undefined ? undefined : Date.parse(query.endAt),
    from: query.from,
    to: query.to,
    tag: query.tag,
    subject: query.subject,
    batchId: query.batchId,
    status: query.status,
    direction: query.direction,
  };
}

function listQuery(query: ChannelMessageListQuery, after: PageCursor | undefined) {
  return { ...filtersOf(query), limit: query.limit, reverse: query.reverse, after };
}

/** E3–E8: sending, batch sending, listing and reading messages and their interactions. */
export const messageRoutes: FastifyPluginCallback<{ sandbox: Sandbox }> = (
  app,
  { sandbox },
  done,
) => {
  // Sends catch the scheduler up inside their group commit, not before the request.
  const config = { catchUpInCommit: true };

  // E3. Order of checks (§3): auth (onRequest), body read (parser: 415/413/400), channel
  // (404/409), schema (422). The 202 goes out only after the message is committed.
  app.post<{ Params: ChannelParams }>(
    '/workspaces/:workspaceId/channels/:channelId/messages',
    { config },
    async (request, reply) => {
      const body = requireJsonBody(request.body);
      const channel = requireSendableChannel(sandbox, request.params);
      const now = sandbox.clock.now();
      const result = validateSendBody(body, { platformId: channel.platformId, now });
      if (!result.ok) throw invalidPayload(result.details);
      const message = buildOutgoingMessage(result.value, {
        workspaceId: sandbox.workspaceId,
        channel,
        now,
      });
      await sandbox.acceptor.accept(channel.platformId, [message]);
      return reply.code(202).send(message);
    },
  );

  // E4. The envelope must hold 1–100 objects (else 422); each item is then validated on
  // its own, and invalid ones are stored as `rejected` messages of the same batch.
  app.post<{ Params: ChannelParams }>(
    '/workspaces/:workspaceId/channels/:channelId/batch/messages',
    { config },
    async (request, reply) => {
      const body = requireJsonBody(request.body);
      const channel = requireSendableChannel(sandbox, request.params);
      const envelope = validateBatchEnvelope(body);
      if (!envelope.ok) throw invalidPayload(envelope.details);
      const now = sandbox.clock.now();
      const batchId = randomUUID();
      const context = { workspaceId: sandbox.workspaceId, channel, now, batchId };
      const messages: OutgoingMessage[] = envelope.value.messageRequests.map((item) => {
        const result = validateSendBody(item, { platformId: channel.platformId, now });
        return result.ok
          ? buildOutgoingMessage(result.value, context)
          : buildRejectedMessage(item, result.details, context);
      });
      await sandbox.acceptor.accept(channel.platformId, messages);
      return reply.code(202).send({ batchId });
    },
  );

  // E5
  app.get<{ Params: ChannelParams }>(
    '/workspaces/:workspaceId/channels/:channelId/messages',
    (request) => {
      const channel = requireChannel(sandbox, request.params);
      const { query, after } = parseListQuery(channelMessageListQuerySchema, request.query);
      return sandbox.store.messages.list({ ...listQuery(query, after), channelId: channel.id });
    },
  );

  // E6
  app.get<{ Params: WorkspaceParams }>('/workspaces/:workspaceId/messages', (request) => {
    requireWorkspace(sandbox, request.params.workspaceId);
    const { query, after } = parseListQuery(workspaceMessageListQuerySchema, request.query);
    return sandbox.store.messages.list({ ...listQuery(query, after), channelId: query.channelId });
  });

  const requireMessage = (params: MessageParams): Message => {
    const channel = requireChannel(sandbox, params);
    const message = sandbox.store.messages.get(channel.id, params.messageId);
    if (message === undefined) throw notFound('The message does not exist in this channel');
    return message;
  };

  // E7
  app.get<{ Params: MessageParams }>(
    '/workspaces/:workspaceId/channels/:channelId/messages/:messageId',
    (request) => requireMessage(request.params),
  );

  // E8
  app.get<{ Params: MessageParams }>(
    '/workspaces/:workspaceId/channels/:channelId/messages/:messageId/interactions',
    (request) => {
      const message = requireMessage(request.params);
      const { query, after } = parseListQuery(interactionListQuerySchema, request.query);
      return sandbox.store.interactions.listByMessage(message.id, { limit: query.limit, after });
    },
  );
  done();
};
