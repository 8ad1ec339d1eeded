import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { IDENTIFIER_RULES, findMagicRecipient } from '@/lib/bird/decisions';
import { identifierProblem } from '@/lib/bird/send-body';

/** One recipient as typed, and what the channel's platform makes of it. */
export interface Recipient {
  /** What was typed or pasted. */
  input: string;
  /** The identifier sent to Bird: E.164 for phones, the address for email. */
  value: string;
  /** Why it cannot be sent, when it cannot. */
  problem: string | undefined;
  /** A note that does not block sending (an unusual number range, a sandbox outcome). */
  note: string | undefined;
}

/** Splits typed or pasted text into entries: commas, semicolons, spaces or new lines. */
export function splitRecipients(text: string, kind: 'phone' | 'email' | 'other'): string[] {
  // Phone numbers are often written with spaces ("+31 6 1234 5678"): there, only commas,
  // semicolons and new lines separate entries.
  const separator = kind === 'phone' ? /[,;\n\r\t]+/ : /[\s,;]+/;
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function magicNote(value: string, platformId: string): string | undefined {
  const magic = findMagicRecipient(value, platformId);
  return magic ? `Sandbox: ${magic.hint}` : undefined;
}

/** Parses one entry for a platform; phone numbers are read with `country` as the default. */
export function parseRecipient(input: string, platformId: string, country: CountryCode): Recipient {
  const rule = IDENTIFIER_RULES[platformId];
  const trimmed = input.trim();
  if (rule?.kind === 'phone') {
    const phone = parsePhoneNumberFromString(trimmed, country);
    if (phone === undefined) {
      return { input, value: trimmed, problem: 'not a phone number', note: undefined };
    }
    if (!phone.isPossible()) {
      return {
        input,
        value: phone.number,
        problem: `too short or too long for ${phone.country ?? `+${phone.countryCallingCode}`}`,
        note: undefined,
      };
    }
    const value = phone.number;
    const problem = identifierProblem(platformId, value);
    const note =
      magicNote(value, platformId) ??
      (phone.isValid() ? undefined : 'not a known number range; check it');
    return { input, value, problem, note };
  }
  if (rule?.kind === 'email') {
    const value = trimmed.replace(/^<(.*)>$/, '$1');
    return {
      input,
      value,
      problem: identifierProblem(platformId, value),
      note: magicNote(value, platformId),
    };
  }
  return { input, value: trimmed, problem: undefined, note: undefined };
}

/** Adds the entries of `text` to `existing`, leaving out values already there. */
export function addRecipients(
  existing: readonly string[],
  text: string,
  kind: 'phone' | 'email' | 'other',
): string[] {
  const out = [...existing];
  for (const entry of splitRecipients(text, kind)) {
    if (!out.includes(entry)) out.push(entry);
  }
  return out;
}

/** Which kind of identifier a platform wants. */
export function recipientKind(platformId: string): 'phone' | 'email' | 'other' {
  return IDENTIFIER_RULES[platformId]?.kind ?? 'other';
}
