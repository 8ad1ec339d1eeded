import { describe, expect, it } from 'vitest';
import type { Channel } from '@/lib/bird/channel';
import { emptyForm, type ComposeForm } from './compose-form';
import { startFromMedia } from './start-from-media';

const ids = {
  email: '11111111-1111-4111-8111-111111111111',
  sms: '22222222-2222-4222-8222-222222222222',
  whatsapp: '33333333-3333-4333-8333-333333333333',
};
function channel(id: string, platformId: string, status: Channel['status'] = 'active'): Channel {
  return {
    id,
    name: platformId,
    platformId,
    connectorId: '44444444-4444-4444-8444-444444444444',
    identifier: 'x',
    status,
    createdAt: '2026-11-27T15:04:05.123Z',
    updatedAt: '2026-11-27T15:04:05.123Z',
  };
}
const channels = [
  channel(ids.email, 'email-messagebird'),
  channel(ids.sms, 'sms-messagebird', 'inactive'),
  channel(ids.whatsapp, 'whatsapp'),
];
const mediaBases = ['https://media.api.bird.com'];
const mediaUrl = `https://media.api.bird.com/workspaces/w/channels/${ids.whatsapp}/media/m-1`;
const start = (media: Parameters<typeof startFromMedia>[0]['media'], draft?: ComposeForm) =>
  startFromMedia({ media, draft, channels, mediaBases, country: 'NL' });

describe('startFromMedia', () => {
  it('without a draft starts a message on the first active channel that is not email', () => {
    const started = start({ mode: 'media', mediaUrl, filename: 'a.png', contentType: 'image/png' });
    expect(started.form).toMatchObject({
      channelId: ids.whatsapp,
      bodyType: 'image',
      mediaUrl,
      mediaFilename: 'a.png',
      mediaContentType: 'image/png',
    });
    expect(started.notes).toEqual(['Started a message that sends a.png as its image.']);
    expect(started.undo).toBeUndefined();
  });

  it('prefers the channel the media was presigned for, even email, where it is attached', () => {
    const started = start({ mode: 'media', mediaUrl, channelId: ids.email });
    expect(started.form?.channelId).toBe(ids.email);
    // No name in the link: the last part of the URL stands in, so the attachment has one.
    expect(started.form?.attachments).toEqual([
      { mediaUrl, filename: 'm-1', contentType: '', size: null },
    ]);
    expect(started.notes).toEqual(['Started an email with m-1 attached.']);
  });

  it('adds to a saved draft, says how, and offers the draft as it was', () => {
    const draft: ComposeForm = {
      ...emptyForm({ channelId: ids.whatsapp, country: 'NL' }),
      bodyType: 'location',
      latitude: '52',
      text: 'Here',
    };
    const started = start(
      { mode: 'media', mediaUrl, filename: 'doc.pdf', contentType: 'application/pdf' },
      draft,
    );
    expect(started.form).toMatchObject({ bodyType: 'file', text: 'Here', latitude: '52' });
    expect(started.form?.reference).toBe(draft.reference);
    expect(started.notes).toEqual([
      'Your saved draft now sends doc.pdf as its file, instead of its location; its text is the caption.',
    ]);
    expect(started.undo).toBe(draft);
  });

  it("warns about a media URL that is not on the connection's media server", () => {
    const foreign = 'https://evil.example/x.png';
    const started = start({ mode: 'media', mediaUrl: foreign, filename: 'x.png' });
    expect(started.notes[1]).toBe(
      `${foreign} is not on this connection's media server: check it before sending.`,
    );
  });
});
