import { ManualClock } from '../../clock';
import type { Message, MessageStatus } from '../../../src/lib/bird/message';
import { openDatabase, type Database } from '../db/open-database';
import { createStore } from './index';
import type { SandboxStore } from './types';
import { ensureWorkspace, type Workspace } from './workspace';

/** Test support: an in-memory sandbox database with its workspace, and message builders. */

export interface TestStore {
  db: Database;
  clock: ManualClock;
  workspace: Workspace;
  store: SandboxStore;
}

export const T0 = Date.parse('2026-11-27T12:00:00.000Z');

export function openTestStore(): TestStore {
  const db = openDatabase(':memory:');
  const clock = new ManualClock(T0);
  const workspace = ensureWorkspace(db, clock);
  return { db, clock, workspace, store: createStore(db) };
}

/** A UUID whose last block is `n` (ids sort by `n` when the rest is equal). */
export function testId(n: number, prefix = '00000000'): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface OutgoingSpec {
  id: string;
  channelId: string;
  at: number;
  to?: string[];
  from?: string;
  status?: MessageStatus;
  tags?: string[];
  subject?: string;
  reference?: string;
  batchId?: string;
}

/** An outgoing message: email (html with subject) when `subject` is given, else a text. */
export function outgoing(spec: OutgoingSpec): Message {
  const iso = new Date(spec.at).toISOString();
  const subject = spec.subject;
  const email = subject !== undefined;
  return {
    id: spec.id,
    channelId: spec.channelId,
    direction: 'outgoing',
    status: spec.status ?? 'accepted',
    lastStatusAt: iso,
    createdAt: iso,
    updatedAt: iso,
    sender: {
      connector: {
        id: testId(9999, 'cccccccc'),
        identifierValue: spec.from ?? (email ? 'news@mail.example.com' : '+14155550100'),
      },
    },
    receiver: {
      contacts: (spec.to ?? ['+31612345678']).map((value, index) => ({
        id: testId(index + 1, 'dddddddd'),
        identifierKey: value.includes('@') ? 'emailaddress' : 'phonenumber',
        identifierValue: value,
        ...(email ? { type: 'to' as const } : {}),
      })),
    },
    body:
      subject !== undefined
        ? {
            type: 'html',
            html: { html: '<p>Hello</p>', text: 'Hello', metadata: { subject } },
          }
        : { type: 'text', text: { text: 'Hello' } },
    reference: spec.reference ?? '',
    tags: spec.tags ?? [],
    reason: '',
    details: '',
    ...(spec.batchId !== undefined ? { batchId: spec.batchId } : {}),
  };
}

export interface IncomingSpec {
  id: string;
  channelId: string;
  at: number;
  from: string;
  to: string;
}

/** An incoming text from `from` to our channel identifier `to`. */
export function incoming(spec: IncomingSpec): Message {
  const iso = new Date(spec.at).toISOString();
  return {
    id: spec.id,
    channelId: spec.channelId,
    direction: 'incoming',
    status: 'delivered',
    lastStatusAt: iso,
    createdAt: iso,
    updatedAt: iso,
    sender: {
      contact: {
        id: testId(7777, 'eeeeeeee'),
        identifierKey: 'phonenumber',
        identifierValue: spec.from,
      },
    },
    receiver: { connector: { id: testId(9999, 'cccccccc'), identifierValue: spec.to } },
    body: { type: 'text', text: { text: 'Thanks!' } },
    reference: '',
    tags: [],
    reason: '',
    details: '',
  };
}
