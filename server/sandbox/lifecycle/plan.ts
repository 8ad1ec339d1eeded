import { findMagicRecipient, type MagicRecipient } from '../../../src/lib/bird/decisions';
import type { MessageFailure, OutgoingMessage } from '../../../src/lib/bird/message';
import type { NewTransition } from '../store/types';
import { toTransition, type Step, type TimedStep } from './steps';

/**
 * Which transitions a new outgoing message gets (contract §5). Everything is planned at
 * acceptance, as rows with due times; nothing waits in memory. A scheduled message first
 * becomes `accepted` at `scheduledFor`, then takes the same path from there.
 *
 * Ordinary recipients: `accepted → processing → sent → delivered`, one step every
 * {@link STEP_MS}; ordinary email recipients then open the message. The first receiver
 * contact decides the outcome (magic recipients from `decisions.ts`).
 */

/** Milliseconds between two steps of a message's life. */
export const STEP_MS = 300;

/** What a failing outcome carries (§5: realistic reason, details token, failure object). */
interface FailureText {
  reason: string;
  description: string;
  /** `failure.source.name`: the platform, or the step that refused the message. */
  source: 'platform' | 'touchpoint';
}

const failureText: Readonly<Record<string, FailureText>> = {
  'unknown-subscriber': {
    reason: 'The recipient is not a known subscriber of the mobile network',
    description: 'Unknown subscriber',
    source: 'platform',
  },
  'unsupported-destination': {
    reason: 'The destination is not supported by this channel',
    description: 'Unsupported destination',
    source: 'touchpoint',
  },
  bounce: {
    reason: "The recipient's mail server rejected the address permanently (hard bounce)",
    description: 'Hard bounce',
    source: 'platform',
  },
};

/** Where the clicked link of `click@…` points: the first link of an HTML body, else a default. */
export function clickedLink(message: OutgoingMessage): { name: string; url: string } {
  const html = message.body?.type === 'html' ? (message.body.html.html ?? '') : '';
  const match = /<a\b[^>]*\bhref\s*=\s*["']?(https?:\/\/[^"'\s>]+)[^>]*>([^<]*)</i.exec(html);
  const url = match?.[1];
  if (url !== undefined) return { name: match?.[2]?.trim() || url, url };
  return { name: 'Read more', url: 'https://example.com/' };
}

function failureFor(row: MagicRecipient, platformId: string): MessageFailure | undefined {
  if (row.failureCode === undefined) return undefined;
  const text = failureText[row.outcome];
  return {
    code: row.failureCode,
    description: text?.description ?? row.hint,
    source: {
      name: text?.source === 'touchpoint' ? 'touchpoint' : platformId,
      ...(row.details === undefined ? {} : { code: row.details }),
    },
  };
}

function failedStep(row: MagicRecipient, platformId: string): Step {
  const failure = failureFor(row, platformId);
  return {
    kind: 'status',
    status: row.finalStatus,
    reason: failureText[row.outcome]?.reason ?? row.hint,
    details: row.details ?? '',
    ...(failure === undefined ? {} : { failure }),
  };
}

/** The steps after acceptance, in order, one {@link STEP_MS} apart. */
export function outcomeSteps(message: OutgoingMessage, platformId: string): Step[] {
  const contact = message.receiver.contacts[0];
  const row =
    contact === undefined ? undefined : findMagicRecipient(contact.identifierValue, platformId);
  const processing: Step = { kind: 'status', status: 'processing' };
  const sent: Step = { kind: 'status', status: 'sent' };
  const delivered: Step = { kind: 'status', status: 'delivered' };
  const isEmail = platformId === 'email-messagebird';

  switch (row?.outcome) {
    case undefined:
    case 'delivered':
      return isEmail
        ? [
            processing,
            sent,
            delivered,
            { kind: 'interaction', type: 'opened', details: 'initial_open' },
          ]
        : [processing, sent, delivered];
    case 'unknown-subscriber':
    case 'bounce':
      return [processing, sent, failedStep(row, platformId)];
    case 'unsupported-destination':
      return [processing, failedStep(row, platformId)];
    case 'no-delivery-report':
      return [processing, sent];
    case 'reply-text':
      return [processing, sent, delivered, { kind: 'reply', body: 'text' }];
    case 'reply-image':
      return [processing, sent, delivered, { kind: 'reply', body: 'image' }];
    case 'read-and-reaction':
      return [
        processing,
        sent,
        delivered,
        { kind: 'interaction', type: 'read', details: '' },
        {
          kind: 'interaction',
          type: 'reaction',
          details: '',
          metadata: { reaction: { emoji: '👍', action: 'react' } },
        },
      ];
    case 'click':
      return [
        processing,
        sent,
        delivered,
        { kind: 'interaction', type: 'opened', details: 'initial_open' },
        {
          kind: 'interaction',
          type: 'clicked',
          details: 'click',
          metadata: { link: clickedLink(message) },
        },
      ];
    case 'spam':
      return [
        processing,
        sent,
        delivered,
        { kind: 'interaction', type: 'reported-as-spam', details: '' },
      ];
  }
}

/** The timed steps of a message that was just stored as `accepted` or `scheduled`. */
export function planSteps(message: OutgoingMessage, platformId: string): TimedStep[] {
  const scheduled = message.status === 'scheduled' && message.scheduledFor !== undefined;
  const start = Date.parse(scheduled ? (message.scheduledFor ?? '') : message.createdAt);
  const steps = outcomeSteps(message, platformId);
  const timed = steps.map((step, i) => ({ at: start + (i + 1) * STEP_MS, step }));
  return scheduled
    ? [{ at: start, step: { kind: 'status', status: 'accepted' } }, ...timed]
    : timed;
}

/** The transition rows to store with a new outgoing message (in the same transaction). */
export function planTransitions(message: OutgoingMessage, platformId: string): NewTransition[] {
  if (message.status !== 'accepted' && message.status !== 'scheduled') return [];
  return planSteps(message, platformId).map((timed) => toTransition(message.id, timed));
}
