import { describe, expect, it } from 'vitest';
import type { ComposeDraft } from '@/lib/compose-prefill';
import { formFromDraft } from './prefill-form';

const channelId = '5d0c7a4e-2f1b-4c8e-9a61-3b7f0e2d9c11';

describe('formFromDraft', () => {
  it('turns a duplicated email into fields, with a new reference', () => {
    const draft: ComposeDraft = {
      channelId,
      receiver: {
        contacts: [
          { identifierKey: 'emailaddress', identifierValue: 'a@x.io', type: 'to' },
          { identifierKey: 'emailaddress', identifierValue: 'b@x.io', type: 'bcc' },
        ],
      },
      body: {
        type: 'html',
        html: {
          html: '<p>Hi</p>',
          text: 'Hi',
          metadata: { subject: 'S', emailFrom: { username: 'news', displayName: 'N' } },
        },
      },
      reference: 'old',
      tags: ['a', 'b'],
    };
    const { form, leftOut } = formFromDraft(draft, 'NL');
    expect(form).toMatchObject({
      channelId,
      to: ['a@x.io'],
      bcc: ['b@x.io'],
      html: '<p>Hi</p>',
      plain: 'Hi',
      subject: 'S',
      senderUser: 'news',
      senderName: 'N',
      tags: 'a, b',
    });
    expect(form.reference).not.toBe('old');
    expect(leftOut).toBeUndefined();
  });

  it('keeps a reply link and reads a location', () => {
    const { form, leftOut } = formFromDraft(
      {
        channelId,
        receiver: { contacts: [{ identifierKey: 'phonenumber', identifierValue: '+31612345678' }] },
        replyTo: { id: channelId, type: 'message' },
        body: { type: 'location', location: { coordinates: { latitude: 1, longitude: 2 } } },
      },
      'NL',
    );
    expect(form.replyToId).toBe(channelId);
    expect(form.to).toEqual(['+31612345678']);
    expect(form).toMatchObject({ bodyType: 'location', latitude: '1', longitude: '2' });
    expect(leftOut).toBeUndefined();
  });

  it("carries an email's attachments over; only the inline flag is left out", () => {
    const mediaUrl = 'https://media.api.bird.com/workspaces/w/channels/c/media/m';
    const { form, leftOut } = formFromDraft(
      {
        channelId,
        receiver: { contacts: [{ identifierKey: 'emailaddress', identifierValue: 'a@x.io' }] },
        body: {
          type: 'html',
          html: {
            html: '<p>Hi</p>',
            attachments: [
              { mediaUrl, filename: 'a.pdf' },
              { mediaUrl: `${mediaUrl}2`, filename: 'logo.png', inline: true },
            ],
          },
        },
      },
      'NL',
    );
    expect(form.attachments).toEqual([
      { mediaUrl, filename: 'a.pdf', contentType: '', size: null },
      { mediaUrl: `${mediaUrl}2`, filename: 'logo.png', contentType: '', size: null },
    ]);
    expect(leftOut).toBe('the inline flag of attachments');
  });
});
