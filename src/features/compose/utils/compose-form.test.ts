import { describe, expect, it } from 'vitest';
import type { Channel } from '@/lib/bird/channel';
import { validateSendBody } from '@/lib/bird/send-body';
import {
  buildRequest,
  curlCommand,
  emptyForm,
  mapDetails,
  parseDraft,
  type ComposeForm,
} from './compose-form';

function channel(platformId: string): Channel {
  return {
    id: '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
    name: 'Test',
    platformId,
    connectorId: '6d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
    identifier: 'x',
    status: 'active',
    createdAt: '2026-11-27T15:04:05.123Z',
    updatedAt: '2026-11-27T15:04:05.123Z',
  };
}

const form: ComposeForm = {
  ...emptyForm({ channelId: 'c', country: 'NL' }),
  to: ['06 1234 5678'],
  text: 'Hi',
  reference: 'perch-1',
  tags: 'A, b',
};

describe('buildRequest', () => {
  it('builds an SMS text body with E.164 contacts, reference and tags', () => {
    const { request, contacts } = buildRequest(form, channel('sms-messagebird'));
    expect(request).toEqual({
      receiver: { contacts: [{ identifierKey: 'phonenumber', identifierValue: '+31612345678' }] },
      body: { type: 'text', text: { text: 'Hi' } },
      reference: 'perch-1',
      tags: ['A', 'b'],
    });
    expect(contacts).toEqual([{ field: 'to', index: 0 }]);
    expect(validateSendBody(request, { platformId: 'sms-messagebird', now: 0 }).ok).toBe(true);
  });

  it('builds an email with to/cc/bcc, subject, sender and both parts', () => {
    const email: ComposeForm = {
      ...form,
      to: ['a@example.com'],
      cc: ['b@example.com'],
      bcc: ['c@example.com'],
      subject: 'Hello',
      senderUser: 'news',
      senderName: 'News',
      html: '<p>Hi</p>',
      plain: 'Hi',
      tags: '',
    };
    const { request, contacts } = buildRequest(email, channel('email-messagebird'));
    expect(request.receiver.contacts.map((c) => c.type)).toEqual(['to', 'cc', 'bcc']);
    expect(request.body).toEqual({
      type: 'html',
      html: {
        html: '<p>Hi</p>',
        text: 'Hi',
        metadata: { subject: 'Hello', emailFrom: { username: 'news', displayName: 'News' } },
      },
    });
    expect(contacts[2]).toEqual({ field: 'bcc', index: 0 });
    expect(validateSendBody(request, { platformId: 'email-messagebird', now: 0 }).ok).toBe(true);
  });
});

describe('email attachments', () => {
  const mediaUrl = 'https://media.api.bird.com/workspaces/w/channels/c/media/1';
  const email: ComposeForm = {
    ...form,
    to: ['a@example.com'],
    html: '<p>Hi</p>',
    tags: '',
    attachments: [
      { mediaUrl, filename: 'report.pdf', contentType: 'application/pdf', size: 4096 },
      { mediaUrl: `${mediaUrl}0`, filename: 'old.png', contentType: '', size: null },
    ],
  };

  it("fill the HTML body's attachments with media URL and file name only", () => {
    const { request } = buildRequest(email, channel('email-messagebird'));
    expect(request.body).toEqual({
      type: 'html',
      html: {
        html: '<p>Hi</p>',
        attachments: [
          { mediaUrl, filename: 'report.pdf' },
          { mediaUrl: `${mediaUrl}0`, filename: 'old.png' },
        ],
      },
    });
    expect(validateSendBody(request, { platformId: 'email-messagebird', now: 0 }).ok).toBe(true);
    const { request: none } = buildRequest(
      { ...email, attachments: [] },
      channel('email-messagebird'),
    );
    expect(none.body).toEqual({ type: 'html', html: { html: '<p>Hi</p>' } });
  });

  it('are kept by the draft, and a 422 on one lands on the attachments', () => {
    expect(parseDraft(JSON.stringify(email))).toEqual(email);
    const mapped = mapDetails(
      { '.body.html.attachments[1].filename': ['must not be empty'] },
      [],
      email,
    );
    expect(mapped.fields.attachments).toEqual(['attachment 2 filename: must not be empty']);
  });

  it('are never sent on a channel other than email', () => {
    const { request } = buildRequest(email, channel('whatsapp'));
    expect(request.body).toEqual({ type: 'text', text: { text: 'Hi' } });
  });
});

describe('location and template bodies', () => {
  it('builds a location with its place and reports blank coordinates at their fields', () => {
    const located: ComposeForm = {
      ...form,
      bodyType: 'location',
      latitude: '52.37',
      longitude: '',
      locationLabel: 'Office',
      locationAddress: 'Dam 1',
    };
    const { request, contacts } = buildRequest(located, channel('whatsapp'));
    expect(request.body).toMatchObject({
      type: 'location',
      location: { coordinates: { latitude: 52.37 }, location: { label: 'Office' } },
    });
    const checked = validateSendBody(request, { platformId: 'whatsapp', now: 0 });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(Object.keys(mapDetails(checked.details, contacts, located).fields)).toEqual([
        'longitude',
      ]);
    }
  });

  it('builds a template with typed parameters instead of a body', () => {
    const templated: ComposeForm = {
      ...form,
      bodyType: 'template',
      templateProjectId: '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11',
      templateParameters: [
        { key: 'name', type: 'string', value: 'Ann' },
        { key: 'count', type: 'number', value: '3' },
        { key: 'vip', type: 'boolean', value: 'true' },
      ],
    };
    const { request } = buildRequest(templated, channel('whatsapp'));
    expect(request.body).toBeUndefined();
    expect(request.template?.parameters).toEqual([
      { type: 'string', key: 'name', value: 'Ann' },
      { type: 'number', key: 'count', value: 3 },
      { type: 'boolean', key: 'vip', value: true },
    ]);
    expect(validateSendBody(request, { platformId: 'whatsapp', now: 0 }).ok).toBe(true);
  });
});

describe('image and file bodies', () => {
  it('builds a file with its type, name and caption, and maps a bad URL to its field', () => {
    const filed: ComposeForm = {
      ...form,
      bodyType: 'file',
      mediaUrl: 'not a url',
      mediaContentType: 'application/pdf',
      mediaFilename: 'a.pdf',
      text: 'See attached',
    };
    const { request, contacts } = buildRequest(filed, channel('whatsapp'));
    expect(request.body).toEqual({
      type: 'file',
      file: {
        files: [{ mediaUrl: 'not a url', contentType: 'application/pdf', filename: 'a.pdf' }],
        text: 'See attached',
      },
    });
    const checked = validateSendBody(request, { platformId: 'whatsapp', now: 0 });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(Object.keys(mapDetails(checked.details, contacts, filed).fields)).toEqual([
        'mediaUrl',
      ]);
    }
  });
});

describe('mapDetails', () => {
  it('puts each path on its field or chip and keeps the rest', () => {
    const email: ComposeForm = { ...form, to: ['a@x.io'], cc: ['b@x.io'] };
    const { contacts } = buildRequest(email, channel('email-messagebird'));
    const mapped = mapDetails(
      {
        '.receiver.contacts[1].identifierValue': ['is blocked'],
        '.body.html': ['must have html or text'],
        '.tags[0]': ['too long'],
        '.scheduledFor': ['must be at most 35 days in the future'],
        '.meta.email': ['odd'],
      },
      contacts,
      email,
    );
    expect(mapped.chips).toEqual({ 'cc:0': ['is blocked'] });
    expect(mapped.fields).toEqual({
      cc: ['b@x.io: is blocked'],
      html: ['must have html or text'],
      tags: ['too long'],
      scheduleAt: ['must be at most 35 days in the future'],
    });
    expect(mapped.unmapped).toEqual(['.meta.email: odd']);
  });
});

describe('parseDraft', () => {
  it('restores a stored form and ignores anything else', () => {
    expect(parseDraft(JSON.stringify(form))).toEqual(form);
    expect(parseDraft('{"channelId":1}')).toBeUndefined();
    expect(parseDraft('not json')).toBeUndefined();
    expect(parseDraft(null)).toBeUndefined();
  });
});

describe('curlCommand', () => {
  it('quotes the body for a shell and shows the key as a placeholder', () => {
    const curl = curlCommand('https://api.bird.com/x', {
      receiver: { contacts: [{ identifierValue: '+31612345678' }] },
      body: { type: 'text', text: { text: "It's" } },
    });
    expect(curl).toContain('AccessKey <YOUR_ACCESS_KEY>');
    expect(curl).toContain(`"text":"It'\\''s"`);
  });
});
