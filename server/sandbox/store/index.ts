import type { Database } from '../db/open-database';
import { createChannelStore } from './channels';
import { createInteractionStore } from './interactions';
import { createMessageStore } from './messages';
import { createTransitionStore } from './transitions';
import type { SandboxStore } from './types';

export { decodePageToken, encodePageToken } from './page-token';
export { prepareMessage } from './message-row';
export { prepareInteraction } from './interactions';
export { ensureWorkspace, getOrCreateAccessKey, DEFAULT_CHANNEL_IDS } from './workspace';
export type { DefaultChannels, Workspace } from './workspace';
export type * from './types';

/** Every store over `db`, each statement prepared once here. */
export function createStore(db: Database): SandboxStore {
  return {
    channels: createChannelStore(db),
    messages: createMessageStore(db),
    interactions: createInteractionStore(db),
    transitions: createTransitionStore(db),
  };
}
