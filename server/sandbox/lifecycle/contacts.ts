import { createHash } from 'node:crypto';
import { IDENTIFIER_RULES } from '../../../src/lib/bird/decisions';
import type { MessageContact } from '../../../src/lib/bird/message';
import type { SendContact } from '../../../src/lib/bird/send-body';

/**
 * A contact's id, stable per workspace and identifier: the same phone number or address
 * always names the same contact, as it would in Bird's contact store (a name-based UUID,
 * version 5 layout over SHA-256).
 */
export function contactId(
  workspaceId: string,
  identifierKey: string,
  identifierValue: string,
): string {
  const hash = createHash('sha256')
    .update(`${workspaceId}\n${identifierKey}\n${identifierValue}`, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The identifier key a platform's recipients use (`phonenumber`, `emailaddress`, …). */
export function identifierKeyFor(platformId: string): string {
  return IDENTIFIER_RULES[platformId]?.identifierKey ?? 'platformaddress';
}

/**
 * A send request's contact as the message reports it: with an id and an identifier. The
 * identifier is the contact's own `identifierValue`, else its `identifiers` entry for the
 * platform's key (or the first), else its `platformAddress`; a contact given only by `id`
 * keeps that id and reports an empty identifier (the sandbox has no contact store).
 */
export function resolveContact(
  workspaceId: string,
  platformId: string,
  contact: SendContact,
): MessageContact {
  const platformKey = identifierKeyFor(platformId);
  const fromList =
    contact.identifiers?.find((identifier) => identifier.identifierKey === platformKey) ??
    contact.identifiers?.[0];
  const identifierValue =
    contact.identifierValue ?? fromList?.identifierValue ?? contact.platformAddress ?? '';
  const identifierKey =
    contact.identifierKey ??
    (contact.identifierValue === undefined ? fromList?.identifierKey : undefined) ??
    platformKey;
  return {
    id: contact.id ?? contactId(workspaceId, identifierKey, identifierValue),
    identifierKey,
    identifierValue,
    ...(contact.type === undefined ? {} : { type: contact.type }),
  };
}
