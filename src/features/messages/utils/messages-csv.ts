import Papa from 'papaparse';
import { subjectOf, type Message } from '@/lib/bird/message';
import { contentPreview, recipientsOf, senderOf } from './message-fields';

export const CSV_FIELDS = [
  'id',
  'createdAt',
  'direction',
  'channelId',
  'channel',
  'platform',
  'from',
  'to',
  'status',
  'lastStatusAt',
  'subject',
  'content',
  'tags',
  'reference',
  'batchId',
  'failureCode',
  'details',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/**
 * A cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a
 * carriage return) gets a leading single quote, so it is shown as text (OWASP's CSV
 * injection advice).
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface CsvChannel {
  name: string;
  platformId: string;
}

export function messageToCsvRow(
  message: Message,
  channel: CsvChannel | undefined,
): Record<CsvField, string> {
  const preview = contentPreview(message);
  const row: Record<CsvField, string> = {
    id: message.id,
    createdAt: message.createdAt,
    direction: message.direction,
    channelId: message.channelId,
    channel: channel?.name ?? '',
    platform: channel?.platformId ?? '',
    from: senderOf(message),
    to: recipientsOf(message).join(' '),
    status: message.status,
    lastStatusAt: message.lastStatusAt,
    subject: subjectOf(message) ?? '',
    content: preview.kind === 'subject' ? '' : preview.text,
    tags: message.tags.join(' '),
    reference: message.reference,
    batchId: message.batchId ?? '',
    failureCode: message.failure === undefined ? '' : String(message.failure.code),
    details: message.details,
  };
  for (const key of CSV_FIELDS) row[key] = safeCell(row[key]);
  return row;
}

/** RFC 4180: a header line, CRLF line ends, fields quoted when they need it. */
export function messagesToCsv(
  messages: readonly Message[],
  channelOf: (channelId: string) => CsvChannel | undefined,
): string {
  return Papa.unparse(
    {
      fields: [...CSV_FIELDS],
      data: messages.map((message) => {
        const row = messageToCsvRow(message, channelOf(message.channelId));
        return CSV_FIELDS.map((field) => row[field]);
      }),
    },
    { newline: '\r\n', header: true },
  );
}
