import { z } from '../../../src/lib/zod';
import {
  interactionMetadataSchema,
  interactionTypeSchema,
} from '../../../src/lib/bird/interaction';
import { failureSchema, messageStatusSchema } from '../../../src/lib/bird/message';
import type { JsonValue, NewTransition, Transition } from '../store/types';

/**
 * What a lifecycle transition does, as stored in `lifecycle_transitions` (`kind` + JSON
 * `payload`). The plan writes them when a message is accepted; the scheduler applies them
 * when they fall due.
 *
 * - `status`: the message moves to `status` (with `reason`, `details`, `failure` when given).
 * - `interaction`: the recipient did something (opened, clicked, read, reacted, reported spam).
 * - `reply`: the recipient answers with an incoming message on the same channel.
 */

const statusStep = z.object({
  kind: z.literal('status'),
  status: messageStatusSchema,
  reason: z.optional(z.string()),
  details: z.optional(z.string()),
  failure: z.optional(failureSchema),
});

const interactionStep = z.object({
  kind: z.literal('interaction'),
  type: interactionTypeSchema,
  details: z.string(),
  metadata: z.optional(interactionMetadataSchema),
});

const replyStep = z.object({
  kind: z.literal('reply'),
  body: z.enum(['text', 'image']),
});

export const stepSchema = z.discriminatedUnion('kind', [statusStep, interactionStep, replyStep]);
export type Step = z.infer<typeof stepSchema>;
export type StatusStep = z.infer<typeof statusStep>;
export type InteractionStep = z.infer<typeof interactionStep>;
export type ReplyStep = z.infer<typeof replyStep>;

/** A step with its due time, before it is stored. */
export interface TimedStep {
  at: number;
  step: Step;
}

/** A step as a transition row for `messageId`. */
export function toTransition(messageId: string, { at, step }: TimedStep): NewTransition {
  const { kind, ...payload } = step;
  // Steps are plain JSON by construction (zod objects of strings, numbers and records).
  return { messageId, dueAt: at, kind, payload: JSON.parse(JSON.stringify(payload)) as JsonValue };
}

/** The step a stored transition stands for; `undefined` for a row this code does not know. */
export function fromTransition(transition: Transition): Step | undefined {
  const payload = transition.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const parsed = stepSchema.safeParse({ ...payload, kind: transition.kind });
  return parsed.success ? parsed.data : undefined;
}
