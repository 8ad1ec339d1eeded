import { z } from '../zod';
import type { ValidationDetails } from './common';

/**
 * zod issues → Bird's 422 `details`: `{ ".receiver.contacts[0].identifierValue": ["must be an
 * E.164 phone number"] }`. Keys are JSON paths into the request (leading dot, `[i]` for array
 * items, `.` for the root); values are plain-English messages.
 */

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;
type PathSegment = PropertyKey;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['receiver', 'contacts', 0, 'identifierValue']` → `.receiver.contacts[0].identifierValue`. */
export function formatDetailsPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = typeof segment === 'symbol' ? (segment.description ?? '') : segment;
      out += IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  if (out === '') return '.';
  return out.startsWith('.') ? out : `.${out}`;
}

/** The message for an unknown property (§3, DOC). */
export function unsupportedPropertyMessage(key: string): string {
  return `property "${key}" is unsupported`;
}

function plural(n: number | bigint, word: string): string {
  return `${String(n)} ${word}${n === 1 || n === 1n ? '' : 's'}`;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  null: 'null',
};

const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  email: 'must be an email address',
  e164: 'must be an E.164 phone number',
  uuid: 'must be a UUID',
  guid: 'must be a UUID',
  datetime: 'must be an RFC 3339 date-time',
  date: 'must be a date like 2026-11-27',
  url: 'must be a URL',
  regex: 'has an invalid format',
};

/**
 * A zod error map with plain-English messages, for `schema.safeParse(input, { error:
 * birdErrorMap })`. Messages set on a schema itself still win.
 */
export const birdErrorMap: z.core.$ZodErrorMap = (issue: RawIssue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `must have at least ${plural(n, 'item')}`;
      }
      if (issue.origin === 'string') {
        return n === 1 ? 'must not be empty' : `must be at least ${plural(n, 'character')}`;
      }
      return issue.inclusive === false
        ? `must be greater than ${String(n)}`
        : `must be at least ${String(n)}`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `must have at most ${plural(n, 'item')}`;
      }
      if (issue.origin === 'string') return `must be at most ${plural(n, 'character')}`;
      return issue.inclusive === false
        ? `must be less than ${String(n)}`
        : `must be at most ${String(n)}`;
    }
    case 'invalid_format':
      return FORMAT_MESSAGES[issue.format] ?? 'has an invalid format';
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoteList(issue.values)}`
        : `must be one of ${quoteList(issue.values)}`;
    case 'unrecognized_keys':
      return issue.keys.map(unsupportedPropertyMessage).join('; ');
    case 'invalid_union': {
      // A discriminated union reports a missing or unknown discriminator at its path.
      const { discriminator, input } = issue;
      if (
        typeof discriminator === 'string' &&
        typeof input === 'object' &&
        input !== null &&
        !(discriminator in input)
      ) {
        return 'required';
      }
      const options: unknown = issue.options;
      return Array.isArray(options) && options.length > 0
        ? `must be one of ${quoteList(options)}`
        : 'does not match any allowed form';
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid item';
    case 'custom':
      return issue.message ?? 'is invalid';
    default:
      return undefined;
  }
};

/** Adds `message` under `path`, once. */
export function addDetail(details: ValidationDetails, path: string, message: string): void {
  const list = (details[path] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** Merges several `details` objects into a new one, keeping each message once per path. */
export function mergeDetails(...all: readonly ValidationDetails[]): ValidationDetails {
  const out: ValidationDetails = {};
  for (const details of all) {
    for (const [path, messages] of Object.entries(details)) {
      for (const message of messages) addDetail(out, path, message);
    }
  }
  return out;
}

/**
 * Bird `details` for zod issues. An unknown key is reported at its own path
 * (`.body.text.foo` → `property "foo" is unsupported`); everything else at the issue's path
 * with the issue's message (parse with {@link birdErrorMap} for plain English).
 */
export function issuesToDetails(issues: readonly Issue[]): ValidationDetails {
  const details: ValidationDetails = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        addDetail(
          details,
          formatDetailsPath([...issue.path, key]),
          unsupportedPropertyMessage(key),
        );
      }
    } else {
      addDetail(details, formatDetailsPath(issue.path), issue.message);
    }
  }
  return details;
}

export type DetailsResult<T> = { ok: true; value: T } | { ok: false; details: ValidationDetails };

/** Parses with plain-English messages and returns the value or Bird `details`. */
export function parseWithDetails<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
): DetailsResult<z.output<S>> {
  const result = z.safeParse(schema, input, { error: birdErrorMap });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, details: issuesToDetails(result.error.issues) };
}
