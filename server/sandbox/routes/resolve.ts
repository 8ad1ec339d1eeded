import type { Channel } from '../../../src/lib/bird/channel';
import { SENDABLE_CHANNEL_STATUS } from '../../../src/lib/bird/decisions';
import type { Sandbox } from '../create-sandbox';
import { conflict, notFound } from '../http/errors';

export interface WorkspaceParams {
  workspaceId: string;
}
export interface ChannelParams extends WorkspaceParams {
  channelId: string;
}
export interface MessageParams extends ChannelParams {
  messageId: string;
}

/** 404 unless the path names the sandbox's workspace. */
export function requireWorkspace(sandbox: Sandbox, workspaceId: string): void {
  if (workspaceId !== sandbox.workspaceId) throw notFound('The workspace does not exist');
}

/** The channel the path names; 404 when the workspace or the channel is unknown. */
export function requireChannel(sandbox: Sandbox, params: ChannelParams): Channel {
  requireWorkspace(sandbox, params.workspaceId);
  const channel = sandbox.store.channels.get(params.channelId);
  if (channel === undefined) throw notFound('The channel does not exist');
  return channel;
}

/** A channel that can send: 404 when unknown, 409 when it is not active. */
export function requireSendableChannel(sandbox: Sandbox, params: ChannelParams): Channel {
  const channel = requireChannel(sandbox, params);
  if (channel.status !== SENDABLE_CHANNEL_STATUS) {
    throw conflict(`The channel is ${channel.status}; only an active channel can send messages`);
  }
  return channel;
}
