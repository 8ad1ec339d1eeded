import { failureFamily, type Message, type MessageStatus } from '@/lib/bird/message';
import { platformName } from '@/components/platform-name';

/**
 * A failed message explained in layers, in plain words: what happened (the status), where
 * (the failure's source), why (code, description, reason, details) and what usually helps
 * (known details tokens and codes, then the code's family).
 */
export interface FailureExplanation {
  what: string;
  where: string | undefined;
  why: {
    code: number | undefined;
    description: string | undefined;
    reason: string | undefined;
    details: string | undefined;
  };
  advice: string[];
}

const WHAT: Partial<Record<MessageStatus, string>> = {
  rejected: 'Bird refused the message before trying to send it.',
  sending_failed: 'Bird could not hand the message over to the platform.',
  delivery_failed: 'The platform took the message but could not deliver it to the recipient.',
  skipped: 'The message was skipped and not sent.',
  deleted: 'The message was deleted.',
};

/** `failure.source.name` when it is a processing step rather than a platform. */
const STEP_WHERE: Readonly<Record<string, string>> = {
  'pre-processing': 'Before processing: while Bird checked the message',
  accounting: 'In accounting: balance, limits or billing',
  contact: 'While resolving the contact',
  touchpoint: 'While choosing a route to the destination',
};

/** Advice for `details` tokens (§3). */
export const DETAILS_ADVICE: Readonly<Record<string, string>> = {
  unknown_subscriber:
    'The number is not (or no longer) in service on its network. Check it with the recipient; sending to it again will fail the same way.',
  bounceHard:
    'The mail server refused the address for good (it does not exist or is blocked). Correct or remove the address: repeated sends to it hurt your sender reputation.',
  bounceSoft:
    'The mail server refused for now (mailbox full, server busy or down). Sending again later usually works.',
  policyRejection:
    'The receiving side refused it by policy (spam filter, content, sender authentication). Check SPF, DKIM and DMARC for the sending domain, and the content.',
};

/** Advice for failure codes the contract names (§3). */
export const CODE_ADVICE: Readonly<Record<number, string>> = {
  11001:
    'The channel is not configured correctly. Check the channel in Bird (connector, sender, credentials).',
  11002:
    "Something in the message was invalid for this channel. Check the body against the platform's rules (fields, lengths, media types) and the recipient's format.",
  12001: 'A service Bird depends on failed. This is usually temporary: try again later.',
  12002:
    'This channel does not support this kind of body. Send a body type the platform supports (for example text instead of a carousel).',
  12003:
    'This channel cannot reach that destination (country, number type or network not supported). Check the number, or send through another channel.',
  15005:
    'The platform does not know the recipient. Check the identifier with the recipient before sending again.',
};

const FAMILY_ADVICE: Readonly<Record<string, string>> = {
  validation: 'A validation failure: the request or the channel setup needs a fix before retrying.',
  service: 'A service failure on the way: usually temporary, try again later.',
  customer: "A failure on the account's side: check the workspace's balance, limits and settings.",
  platform: 'The platform refused or failed it: check the recipient and the platform’s rules.',
};

function whereOf(message: Message): string | undefined {
  const source = message.failure?.source;
  if (source === undefined) return undefined;
  const step = STEP_WHERE[source.name];
  const place = step ?? `At the platform: ${platformName(source.name)}`;
  return source.code === undefined || source.code === '' ? place : `${place} (${source.code})`;
}

function nonEmpty(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** The explanation of a failed or otherwise unsent message, or `null` when nothing failed. */
export function explainFailure(message: Message): FailureExplanation | null {
  const what = WHAT[message.status];
  if (what === undefined && message.failure === undefined) return null;
  const code = message.failure?.code;
  const details = nonEmpty(message.details) ?? nonEmpty(message.failure?.source.code ?? '');
  const advice: string[] = [];
  if (details !== undefined && DETAILS_ADVICE[details] !== undefined) {
    advice.push(DETAILS_ADVICE[details]);
  }
  if (code !== undefined && CODE_ADVICE[code] !== undefined) advice.push(CODE_ADVICE[code]);
  if (advice.length === 0 && code !== undefined) {
    const family = FAMILY_ADVICE[failureFamily(code)];
    if (family !== undefined) advice.push(family);
  }
  return {
    what: what ?? 'The message reports a failure.',
    where: whereOf(message),
    why: {
      code,
      description: message.failure?.description,
      reason: nonEmpty(message.reason),
      details,
    },
    advice,
  };
}
