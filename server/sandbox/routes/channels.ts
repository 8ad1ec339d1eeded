import type { FastifyPluginCallback } from 'fastify';
import { channelListQuerySchema } from '../../../src/lib/bird/channel';
import type { Sandbox } from '../create-sandbox';
import { parseListQuery } from './query';
import {
  requireChannel,
  requireWorkspace,
  type ChannelParams,
  type WorkspaceParams,
} from './resolve';

/** E1 and E2: the workspace's channels. */
export const channelRoutes: FastifyPluginCallback<{ sandbox: Sandbox }> = (
  app,
  { sandbox },
  done,
) => {
  app.get<{ Params: WorkspaceParams }>('/workspaces/:workspaceId/channels', (request) => {
    requireWorkspace(sandbox, request.params.workspaceId);
    const { query, after } = parseListQuery(channelListQuerySchema, request.query);
    return sandbox.store.channels.list({
      limit: query.limit,
      after,
      reverse: query.reverse,
      platform: query.platform,
      status: query.status,
    });
  });

  app.get<{ Params: ChannelParams }>('/workspaces/:workspaceId/channels/:channelId', (request) => {
    return requireChannel(sandbox, request.params);
  });
  done();
};
