import type { FastifyPluginCallback } from 'fastify';
import { z } from '../../../src/lib/zod';
import { ManualClock } from '../../clock';
import { toTimestamp, uuidSchema } from '../../../src/lib/bird/common';
import { E164_PATTERN, IDENTIFIER_RULES } from '../../../src/lib/bird/decisions';
import { messageBodySchema } from '../../../src/lib/bird/message-body';
import { parseWithDetails } from '../../../src/lib/bird/validation-details';
import type { Sandbox } from '../create-sandbox';
import { conflict, invalidPayload } from '../http/errors';
import { bodyOrEmpty, requireJsonBody } from '../http/json-body';
import { contactId, identifierKeyFor } from '../lifecycle/contacts';
import { buildIncomingMessage } from '../lifecycle/incoming';
import { requireSendableChannel } from './resolve';

/** The longest single `clock/advance`: a year (scheduled sends are at most 35 days out). */
const MAX_ADVANCE_MS = 366 * 24 * 60 * 60 * 1000;
/** The most messages one `seed` call creates. */
export const MAX_SEED_MESSAGES = 50_000;

const advanceSchema = z.strictObject({
  ms: z.int().check(z.gte(0), z.lte(MAX_ADVANCE_MS)),
});

const seedSchema = z.strictObject({
  messages: z.int().check(z.gte(1), z.lte(MAX_SEED_MESSAGES)),
});

const inboundSchema = z.strictObject({
  channelId: uuidSchema,
  from: z.string().check(z.trim(), z.minLength(1)),
  body: messageBodySchema,
});

export interface SandboxInfo {
  workspaceId: string;
  channels: ReturnType<Sandbox['store']['channels']['list']>['results'];
  clock: { mode: 'real' | 'manual'; now: string };
}

export function sandboxInfo(sandbox: Sandbox): SandboxInfo {
  return {
    workspaceId: sandbox.workspaceId,
    channels: sandbox.store.channels.list({ limit: 1000, reverse: true }).results,
    clock: { mode: sandbox.clock.mode, now: toTimestamp(sandbox.clock.now()) },
  };
}

function parse<S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> {
  const result = parseWithDetails(schema, body);
  if (!result.ok) throw invalidPayload(result.details);
  return result.value;
}

/**
 * The sandbox's own controls, under `_sandbox/` (AccessKey required, never rate-limited):
 * what it is, its clock, wiping and seeding its messages, and simulating incoming messages.
 */
export const controlRoutes: FastifyPluginCallback<{ sandbox: Sandbox }> = (
  app,
  { sandbox },
  done,
) => {
  const config = { skipRateLimit: true };

  app.get('/info', { config }, () => sandboxInfo(sandbox));

  app.post('/clock/advance', { config }, (request) => {
    const { ms } = parse(advanceSchema, requireJsonBody(request.body));
    const clock = sandbox.clock;
    if (!(clock instanceof ManualClock)) {
      throw conflict('The sandbox runs on the real clock; start it with --clock manual');
    }
    clock.advance(ms);
    const applied = sandbox.scheduler.runDue();
    return { clock: { mode: clock.mode, now: toTimestamp(clock.now()) }, applied };
  });

  app.post('/reset', { config }, (request) => {
    parse(z.strictObject({}), bodyOrEmpty(request.body));
    sandbox.reset();
    return sandboxInfo(sandbox);
  });

  app.post('/seed', { config }, (request) => {
    const { messages } = parse(seedSchema, requireJsonBody(request.body));
    return { seeded: sandbox.seed(messages) };
  });

  app.post('/inbound', { config }, async (request, reply) => {
    const input = parse(inboundSchema, requireJsonBody(request.body));
    const channel = requireSendableChannel(sandbox, {
      workspaceId: sandbox.workspaceId,
      channelId: input.channelId,
    });
    const rule = IDENTIFIER_RULES[channel.platformId];
    if (rule !== undefined) {
      const fits =
        rule.kind === 'phone'
          ? E164_PATTERN.test(input.from)
          : z.email().safeParse(input.from).success;
      if (!fits) throw invalidPayload({ '.from': [rule.message] });
    }
    const identifierKey = identifierKeyFor(channel.platformId);
    const message = buildIncomingMessage({
      channel,
      from: {
        id: contactId(sandbox.workspaceId, identifierKey, input.from),
        identifierKey,
        identifierValue: input.from,
      },
      body: input.body,
      at: sandbox.clock.now(),
    });
    sandbox.store.messages.insert(message);
    return reply.code(201).send(message);
  });
  done();
};
