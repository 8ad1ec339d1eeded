import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { z } from '@/lib/zod';
import type { Channel } from '@/lib/bird/channel';
import type { ValidationDetails } from '@/lib/bird/common';
import { CONTACT_TYPE_PLATFORMS, IDENTIFIER_RULES } from '@/lib/bird/decisions';
import type { SendContact, SendMessageRequestInput } from '@/lib/bird/send-body';
import { parseRecipient, type Recipient } from './recipients';

/** Everything the operator typed: the draft kept in the browser (never the access key). */
export interface ComposeForm {
  channelId: string;
  country: CountryCode;
  to: string[];
  cc: string[];
  bcc: string[];
  text: string;
  subject: string;
  senderUser: string;
  senderName: string;
  html: string;
  plain: string;
  /** Email: files uploaded (or carried over from a duplicate) as the HTML body's attachments. */
  attachments: EmailAttachment[];
  /** The compose session's correlation id; one per message, so a send happens once. */
  reference: string;
  /** Comma-separated. */
  tags: string;
  /** A `datetime-local` value in the browser's time zone, or `''` to send now. */
  scheduleAt: string;
  /** Seconds the message stays worth delivering, or `''`. */
  validity: string;
  /** SMS: the domain links are shortened on, or `''` for none. */
  shortLinksDomain: string;
  /** The incoming message this answers (`replyTo`), or `''`. */
  replyToId: string;
  /** What a non-email channel sends: text, a location or a stored template. */
  bodyType: BodyKind;
  /** Image or file: a media URL (uploaded on the Media page); `text` is the caption. */
  mediaUrl: string;
  mediaContentType: string;
  mediaFilename: string;
  /** Bytes, when the media came from an upload (for the platform-fit hint); else `null`. */
  mediaSize: number | null;
  latitude: string;
  longitude: string;
  locationLabel: string;
  locationAddress: string;
  templateProjectId: string;
  templateVersion: string;
  templateLocale: string;
  templateParameters: TemplateParameterRow[];
}

/**
 * One email attachment. The body carries `mediaUrl` and `filename` (§3); the type and size
 * are kept for the previews and the email's size hint, and are unknown (`''`, `null`) for an
 * attachment carried over from a duplicated message.
 */
export interface EmailAttachment {
  mediaUrl: string;
  filename: string;
  contentType: string;
  size: number | null;
}

export const BODY_KINDS = ['text', 'image', 'file', 'location', 'template'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const PARAMETER_TYPES = ['string', 'number', 'boolean'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];
export interface TemplateParameterRow {
  key: string;
  type: ParameterType;
  value: string;
}

export type RecipientField = 'to' | 'cc' | 'bcc';
export type FieldName = Exclude<keyof ComposeForm, 'country'>;

export function newReference(): string {
  return `perch-${crypto.randomUUID()}`;
}

export function defaultCountry(): CountryCode {
  const region = new Intl.Locale(navigator.language).maximize().region;
  return region !== undefined && isSupportedCountry(region) ? region : 'US';
}

export function emptyForm(keep: Pick<ComposeForm, 'channelId' | 'country'>): ComposeForm {
  return {
    ...keep,
    to: [],
    cc: [],
    bcc: [],
    text: '',
    subject: '',
    senderUser: '',
    senderName: '',
    html: '',
    plain: '',
    attachments: [],
    reference: newReference(),
    tags: '',
    scheduleAt: '',
    validity: '',
    shortLinksDomain: '',
    replyToId: '',
    bodyType: 'text',
    mediaUrl: '',
    mediaContentType: '',
    mediaFilename: '',
    mediaSize: null,
    latitude: '',
    longitude: '',
    locationLabel: '',
    locationAddress: '',
    templateProjectId: '',
    templateVersion: 'latest',
    templateLocale: 'en',
    templateParameters: [],
  };
}

/** A size in bytes: a whole number, zero or more. */
const wholeNumber = z.int().check(z.nonnegative());
/** A region libphonenumber knows (the check is `isSupportedCountry`'s type guard). */
const countrySchema = z.string().check(z.refine(isSupportedCountry)) as z.ZodMiniType<
  CountryCode,
  string
>;
/** A text field that drafts from older versions may lack. */
const textOr = (fallback: string) => z._default(z.string(), fallback);

const draftSchema = z.object({
  channelId: z.string(),
  country: countrySchema,
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  text: z.string(),
  subject: z.string(),
  senderUser: z.string(),
  senderName: z.string(),
  html: z.string(),
  plain: z.string(),
  attachments: z._default(
    z.array(
      z.object({
        mediaUrl: z.string(),
        filename: z.string(),
        contentType: z.string(),
        size: z.nullable(wholeNumber),
      }),
    ),
    [],
  ),
  reference: z.string(),
  tags: z.string(),
  scheduleAt: z.string(),
  validity: textOr(''),
  shortLinksDomain: textOr(''),
  replyToId: textOr(''),
  bodyType: z._default(z.enum(BODY_KINDS), 'text'),
  mediaUrl: textOr(''),
  mediaContentType: textOr(''),
  mediaFilename: textOr(''),
  mediaSize: z._default(z.nullable(wholeNumber), null),
  latitude: textOr(''),
  longitude: textOr(''),
  locationLabel: textOr(''),
  locationAddress: textOr(''),
  templateProjectId: textOr(''),
  templateVersion: textOr('latest'),
  templateLocale: textOr('en'),
  templateParameters: z._default(
    z.array(z.object({ key: z.string(), type: z.enum(PARAMETER_TYPES), value: z.string() })),
    [],
  ),
});

/** A stored draft, or `undefined` when there is none or it does not fit this version. */
export function parseDraft(raw: string | null): ComposeForm | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { ...parsed.data, country: parsed.data.country } : undefined;
  } catch {
    return undefined;
  }
}

/** True when the form holds nothing worth keeping beyond its channel and reference. */
export function isBlank(form: ComposeForm): boolean {
  return (
    form.to.length + form.cc.length + form.bcc.length + form.attachments.length === 0 &&
    [form.text, form.subject, form.senderUser, form.senderName, form.html, form.plain]
      .concat([form.tags, form.scheduleAt, form.validity, form.shortLinksDomain])
      .concat([form.latitude, form.longitude, form.locationLabel, form.locationAddress])
      .concat([form.templateProjectId, form.mediaUrl])
      .every((value) => value.trim() === '')
  );
}

/** The platform whose messages are counted in segments and may shorten links. */
export const SMS_PLATFORM = 'sms-messagebird';

export function isEmailPlatform(platformId: string): boolean {
  return CONTACT_TYPE_PLATFORMS.includes(platformId);
}

export function recipientFields(platformId: string): RecipientField[] {
  return isEmailPlatform(platformId) ? ['to', 'cc', 'bcc'] : ['to'];
}

export function parsedRecipients(
  form: ComposeForm,
  platformId: string,
): Record<RecipientField, Recipient[]> {
  const parse = (entries: string[]) =>
    entries.map((entry) => parseRecipient(entry, platformId, form.country));
  const email = isEmailPlatform(platformId);
  return {
    to: parse(form.to),
    cc: email ? parse(form.cc) : [],
    bcc: email ? parse(form.bcc) : [],
  };
}

export function splitTags(tags: string): string[] {
  return tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** `datetime-local` (browser time zone) → RFC 3339 UTC; `undefined` when empty or unreadable. */
export function scheduleToRfc3339(value: string): string | undefined {
  if (value === '') return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** A blank or unreadable number stays NaN, which the shared schema reports. */
function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

function toParameter(row: TemplateParameterRow) {
  switch (row.type) {
    case 'number':
      return { type: 'number' as const, key: row.key, value: toNumber(row.value) };
    case 'boolean':
      return { type: 'boolean' as const, key: row.key, value: row.value === 'true' };
    case 'string':
      return { type: 'string' as const, key: row.key, value: row.value };
  }
}

/** Where each `receiver.contacts[i]` came from. */
export interface ContactSource {
  field: RecipientField;
  index: number;
}

export interface BuiltRequest {
  request: SendMessageRequestInput;
  contacts: ContactSource[];
}

/** The exact E3 body the form stands for. */
export function buildRequest(form: ComposeForm, channel: Channel): BuiltRequest {
  const { platformId } = channel;
  const email = isEmailPlatform(platformId);
  const identifierKey = IDENTIFIER_RULES[platformId]?.identifierKey;
  const recipients = parsedRecipients(form, platformId);
  const contacts: SendContact[] = [];
  const sources: ContactSource[] = [];
  for (const field of recipientFields(platformId)) {
    recipients[field].forEach((recipient, index) => {
      contacts.push({
        ...(identifierKey === undefined ? {} : { identifierKey }),
        identifierValue: recipient.value,
        ...(email ? { type: field } : {}),
      });
      sources.push({ field, index });
    });
  }

  const request: SendMessageRequestInput = { receiver: { contacts } };
  if (email) {
    const emailFrom =
      form.senderUser !== '' || form.senderName !== ''
        ? { username: form.senderUser, displayName: form.senderName }
        : undefined;
    const metadata =
      form.subject !== '' || emailFrom
        ? { subject: form.subject, ...(emailFrom ? { emailFrom } : {}) }
        : undefined;
    request.body = {
      type: 'html',
      html: {
        ...(form.html === '' ? {} : { html: form.html }),
        ...(form.plain === '' ? {} : { text: form.plain }),
        ...(metadata ? { metadata } : {}),
        ...(form.attachments.length === 0
          ? {}
          : {
              attachments: form.attachments.map(({ mediaUrl, filename }) => ({
                mediaUrl,
                filename,
              })),
            }),
      },
    };
  } else if (form.bodyType === 'image') {
    request.body = {
      type: 'image',
      image: {
        images: [{ mediaUrl: form.mediaUrl }],
        ...(form.text === '' ? {} : { text: form.text }),
      },
    };
  } else if (form.bodyType === 'file') {
    request.body = {
      type: 'file',
      file: {
        files: [
          {
            mediaUrl: form.mediaUrl,
            contentType: form.mediaContentType,
            ...(form.mediaFilename === '' ? {} : { filename: form.mediaFilename }),
          },
        ],
        ...(form.text === '' ? {} : { text: form.text }),
      },
    };
  } else if (form.bodyType === 'location') {
    const place =
      form.locationLabel !== '' || form.locationAddress !== ''
        ? { location: { label: form.locationLabel, address: form.locationAddress } }
        : {};
    request.body = {
      type: 'location',
      location: {
        coordinates: { latitude: toNumber(form.latitude), longitude: toNumber(form.longitude) },
        ...place,
      },
    };
  } else if (form.bodyType === 'template') {
    request.template = {
      projectId: form.templateProjectId,
      version: form.templateVersion,
      locale: form.templateLocale,
      ...(form.templateParameters.length > 0
        ? { parameters: form.templateParameters.map(toParameter) }
        : {}),
    };
  } else {
    request.body = { type: 'text', text: { text: form.text } };
  }
  if (form.reference !== '') request.reference = form.reference;
  const tags = splitTags(form.tags);
  if (tags.length > 0) request.tags = tags;
  const scheduledFor = scheduleToRfc3339(form.scheduleAt);
  if (scheduledFor !== undefined) request.scheduledFor = scheduledFor;
  if (form.validity.trim() !== '') request.validity = Number(form.validity);
  if (form.replyToId !== '') request.replyTo = { id: form.replyToId, type: 'message' };
  if (platformId === SMS_PLATFORM && form.shortLinksDomain.trim() !== '') {
    request.shortLinks = { domain: form.shortLinksDomain.trim() };
  }
  return { request, contacts: sources };
}

export interface MappedErrors {
  fields: Partial<Record<FieldName, string[]>>;
  /** `to:0` → the messages for that chip. */
  chips: Record<string, string[]>;
  /** `path: message` for whatever no field stands for. */
  unmapped: string[];
}

const FIELD_BY_PATH: readonly [RegExp, FieldName][] = [
  [/^\.receiver(\.contacts)?$/, 'to'],
  [/^\.body\.text(\.text)?$/, 'text'],
  [/^\.body\.html\.html$/, 'html'],
  [/^\.body\.html\.attachments/, 'attachments'],
  [/^\.body\.html$/, 'html'],
  [/^\.body\.html\.text$/, 'plain'],
  [/^\.body\.html\.metadata(\.subject)?$/, 'subject'],
  [/^\.body\.html\.metadata\.emailFrom(\.username)?$/, 'senderUser'],
  [/^\.body\.html\.metadata\.emailFrom\.displayName$/, 'senderName'],
  [/^\.reference$/, 'reference'],
  [/^\.tags(\[\d+\])?$/, 'tags'],
  [/^\.scheduledFor$/, 'scheduleAt'],
  [/^\.validity$/, 'validity'],
  [/^\.body\.(image\.images|file\.files)(\[0\](\.mediaUrl)?)?$/, 'mediaUrl'],
  [/^\.body\.file\.files\[0\]\.contentType$/, 'mediaContentType'],
  [/^\.body\.file\.files\[0\]\.filename$/, 'mediaFilename'],
  [/^\.body\.(image|file)\.text$/, 'text'],
  [/^\.body\.location\.coordinates\.latitude$/, 'latitude'],
  [/^\.body\.location\.coordinates\.longitude$/, 'longitude'],
  [/^\.body\.location\.location\.label$/, 'locationLabel'],
  [/^\.body\.location\.location\.address$/, 'locationAddress'],
  [/^\.template\.projectId$/, 'templateProjectId'],
  [/^\.template\.version$/, 'templateVersion'],
  [/^\.template\.locale$/, 'templateLocale'],
  [/^\.template\.parameters/, 'templateParameters'],
  [/^\.replyTo(\.\w+)?$/, 'replyToId'],
  [/^\.shortLinks(\.domain)?$/, 'shortLinksDomain'],
];

/** The message as read beside its field: which parameter, or what a missing list means. */
function fieldMessage(path: string, message: string): string {
  if (/^\.receiver(\.contacts)?$/.test(path) && message.startsWith('must have at least')) {
    return 'add at least one recipient';
  }
  const attachment = /^\.body\.html\.attachments\[(\d+)\]\.?(\w*)/.exec(path);
  if (attachment) {
    const [, index = '0', key = ''] = attachment;
    return `attachment ${String(Number(index) + 1)}${key === '' ? '' : ` ${key}`}: ${message}`;
  }
  const parameter = /^\.template\.parameters\[(\d+)\]\.?(\w*)/.exec(path);
  if (parameter) {
    const [, index = '0', key = ''] = parameter;
    return `parameter ${String(Number(index) + 1)}${key === '' ? '' : ` ${key}`}: ${message}`;
  }
  return message;
}

function push<K extends string>(record: Partial<Record<K, string[]>>, key: K, message: string) {
  const list = (record[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** Maps 422 `details` (or the shared schema's) back onto the form; nothing is dropped. */
export function mapDetails(
  details: ValidationDetails,
  contacts: readonly ContactSource[],
  form: ComposeForm,
): MappedErrors {
  const out: MappedErrors = { fields: {}, chips: {}, unmapped: [] };
  for (const [path, messages] of Object.entries(details)) {
    const contact = /^\.receiver\.contacts\[(\d+)\]/.exec(path);
    const source = contact ? contacts[Number(contact[1])] : undefined;
    for (const message of messages) {
      if (source) {
        push(out.chips, `${source.field}:${String(source.index)}`, message);
        const entry = form[source.field][source.index] ?? '';
        push(out.fields, source.field, `${entry}: ${message}`);
        continue;
      }
      const field = FIELD_BY_PATH.find(([pattern]) => pattern.test(path))?.[1];
      if (field) push(out.fields, field, fieldMessage(path, message));
      else out.unmapped.push(`${path}: ${message}`);
    }
  }
  return out;
}

export function hasErrors(errors: MappedErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 ||
    Object.keys(errors.chips).length > 0 ||
    errors.unmapped.length > 0
  );
}

/** Single-quotes a string for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function curlCommand(url: string, request: SendMessageRequestInput): string {
  return [
    `curl -X POST ${shellQuote(url)}`,
    `  -H 'Authorization: AccessKey <YOUR_ACCESS_KEY>'`,
    `  -H 'Content-Type: application/json'`,
    `  --data ${shellQuote(JSON.stringify(request))}`,
  ].join(' \\\n');
}
