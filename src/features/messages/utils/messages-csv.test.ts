import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/bird/message';
import { CSV_FIELDS, messagesToCsv, safeCell } from './messages-csv';

const base = {
  id: '11111111-1111-4111-8111-111111111111',
  channelId: '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
  status: 'delivered',
  lastStatusAt: '2026-11-27T12:00:01.000Z',
  createdAt: '2026-11-27T12:00:00.000Z',
  updatedAt: '2026-11-27T12:00:01.000Z',
  reference: '=HYPERLINK("http://evil")',
  tags: ['launch', 'vip'],
  reason: '',
  details: '',
  direction: 'outgoing',
  sender: {
    connector: { id: '22222222-2222-4222-8222-222222222222', identifierValue: '+14155550100' },
  },
  receiver: {
    contacts: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        identifierKey: 'phonenumber',
        identifierValue: '+31612345678',
      },
    ],
  },
  body: { type: 'text', text: { text: 'Hello, "friend"\nsee you' } },
} satisfies Message;

describe('safeCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('defuses %j', (value) => {
    expect(safeCell(value)).toBe(`'${value}`);
  });
  it('leaves other text alone', () => {
    expect(safeCell('hello = world')).toBe('hello = world');
    expect(safeCell('')).toBe('');
  });
});

describe('messagesToCsv', () => {
  it('writes a header and one quoted, formula-safe row per message', () => {
    const csv = messagesToCsv([base], () => ({ name: 'SMS, main', platformId: 'sms-messagebird' }));
    expect(csv.split('\r\n')[0]).toBe(CSV_FIELDS.join(','));
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, row] = parsed.data;
    expect(header).toEqual([...CSV_FIELDS]);
    const cell = (name: (typeof CSV_FIELDS)[number]) => row?.[CSV_FIELDS.indexOf(name)];
    expect(cell('channel')).toBe('SMS, main');
    expect(cell('content')).toBe('Hello, "friend" see you');
    expect(cell('reference')).toBe('\'=HYPERLINK("http://evil")');
    expect(cell('to')).toBe("'+31612345678");
    expect(cell('tags')).toBe('launch vip');
    expect(csv).toContain('"Hello, ""friend"" see you"');
  });

  it('writes only the header for no messages', () => {
    expect(messagesToCsv([], () => undefined)).toBe(`${CSV_FIELDS.join(',')}\r\n`);
  });
});
