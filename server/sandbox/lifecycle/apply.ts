import { randomUUID } from 'node:crypto';
import { toTimestamp } from '../../../src/lib/bird/common';
import type { Interaction } from '../../../src/lib/bird/interaction';
import type { OutgoingMessage } from '../../../src/lib/bird/message';
import type { MessageBody } from '../../../src/lib/bird/message-body';
import type { SandboxStore, Transition } from '../store/types';
import { generatedMediaUrl } from '../media/media-urls';
import { buildIncomingMessage } from './incoming';
import { fromTransition, type InteractionStep, type ReplyStep, type StatusStep } from './steps';

/** The reply text of a `…9993` recipient (§5). */
export const REPLY_TEXT = 'Thanks!';
/** The caption of a `…9994` recipient's image reply. */
export const REPLY_IMAGE_TEXT = 'Here is a photo';

export interface LifecycleContext {
  workspaceId: string;
  store: SandboxStore;
}

/**
 * Applies one due transition. Runs inside the store's transaction. Never throws for data
 * it does not expect (a message gone, already final, an unknown row): such a step is
 * simply dropped, so one odd row can never hold up the rest.
 */
export function applyTransition(context: LifecycleContext, transition: Transition): void {
  const step = fromTransition(transition);
  if (step === undefined) return;
  // The most common step, without reading the message: the update checks it itself.
  if (step.kind === 'status') {
    applyStatus(context, transition.messageId, step, transition.dueAt);
    return;
  }
  const message = context.store.messages.getById(transition.messageId);
  if (message?.direction !== 'outgoing') return;
  switch (step.kind) {
    case 'interaction':
      applyInteraction(context, message, step, transition.dueAt);
      return;
    case 'reply':
      applyReply(context, message, step, transition.dueAt);
      return;
  }
}

/** An outgoing message whose status is not final yet moves on (others stay as they are). */
function applyStatus(
  context: LifecycleContext,
  messageId: string,
  step: StatusStep,
  at: number,
): void {
  context.store.messages.advanceStatus(messageId, {
    status: step.status,
    at,
    reason: step.reason,
    details: step.details,
    failure: step.failure,
  });
}

function applyInteraction(
  context: LifecycleContext,
  message: OutgoingMessage,
  step: InteractionStep,
  at: number,
): void {
  if (message.status !== 'delivered') return;
  const channel = context.store.channels.get(message.channelId);
  if (channel === undefined) return;
  const interaction: Interaction = {
    id: randomUUID(),
    messageId: message.id,
    channelId: message.channelId,
    platformId: channel.platformId,
    type: step.type,
    details: step.details,
    messageReference: message.reference,
    messageTags: message.tags,
    messagePartsCount: message.parts?.length ?? 0,
    receiver: { contacts: message.receiver.contacts.slice(0, 1) },
    createdAt: toTimestamp(at),
    ...(step.metadata === undefined ? {} : { metadata: step.metadata }),
  };
  context.store.interactions.insert(interaction);
}

function applyReply(
  context: LifecycleContext,
  message: OutgoingMessage,
  step: ReplyStep,
  at: number,
): void {
  if (message.status !== 'delivered') return;
  const channel = context.store.channels.get(message.channelId);
  const contact = message.receiver.contacts[0];
  if (channel === undefined || contact === undefined) return;
  const id = randomUUID();
  const body: MessageBody =
    step.body === 'text'
      ? { type: 'text', text: { text: REPLY_TEXT } }
      : {
          type: 'image',
          image: {
            images: [
              {
                mediaUrl: generatedMediaUrl(context.workspaceId, id, randomUUID()),
                altText: 'A photo from the recipient',
              },
            ],
            text: REPLY_IMAGE_TEXT,
          },
        };
  context.store.messages.insert(
    buildIncomingMessage({
      id,
      channel,
      from: contact,
      body,
      at,
      replyTo: { id: message.id, type: 'message' },
    }),
  );
}
