import { describe, expect, it } from 'vitest';
import { emptyForm, type ComposeForm } from './compose-form';
import { addMediaToForm, asMediaBody, withAttachment, type PickedMedia } from './media-form';

const base = emptyForm({ channelId: 'c', country: 'NL' });
const photo: PickedMedia = {
  mediaUrl: 'https://media.api.bird.com/workspaces/w/channels/c/media/1',
  filename: 'photo.png',
  contentType: 'image/png',
  size: 2048,
};
const report: PickedMedia = {
  mediaUrl: 'https://media.api.bird.com/workspaces/w/channels/c/media/2',
  filename: 'report.pdf',
  contentType: 'application/pdf',
  size: 4096,
};

describe('uploaded media into the form', () => {
  it('an image becomes an image body, anything else a file body', () => {
    expect(asMediaBody(photo)).toEqual({
      bodyType: 'image',
      mediaUrl: photo.mediaUrl,
      mediaContentType: 'image/png',
      mediaFilename: 'photo.png',
      mediaSize: 2048,
    });
    expect(asMediaBody({ ...report, contentType: '' }).bodyType).toBe('file');
  });

  it('attachments are appended once per media URL', () => {
    const one: ComposeForm = { ...base, ...withAttachment(base, photo) };
    const two: ComposeForm = { ...one, ...withAttachment(one, report) };
    expect(two.attachments).toEqual([photo, report]);
    expect(withAttachment(two, photo)).toEqual({});
  });

  it('adds to an email draft as an attachment, losing nothing', () => {
    const draft: ComposeForm = { ...base, subject: 'Hi', attachments: [photo] };
    const added = addMediaToForm(draft, report, 'email-messagebird');
    expect(added).toMatchObject({ as: 'attachment', replaced: undefined });
    expect(added.form).toEqual({ ...draft, attachments: [photo, report] });
  });

  it('turns a text draft into a captioned media body', () => {
    const added = addMediaToForm({ ...base, text: 'Look' }, photo, 'whatsapp');
    expect(added).toMatchObject({ as: 'body', replaced: undefined });
    expect(added.form).toMatchObject({ bodyType: 'image', text: 'Look', mediaUrl: photo.mediaUrl });
  });

  it('names what a media body stands in for', () => {
    const withFile: ComposeForm = { ...base, ...asMediaBody(report) };
    expect(addMediaToForm(withFile, photo, 'whatsapp').replaced).toBe('its file (report.pdf)');
    expect(addMediaToForm(withFile, report, 'whatsapp').replaced).toBeUndefined();
    const located: ComposeForm = { ...base, bodyType: 'location', latitude: '52' };
    expect(addMediaToForm(located, photo, 'sms-messagebird').replaced).toBe('its location');
    const templated: ComposeForm = { ...base, bodyType: 'template', templateProjectId: 'p' };
    expect(addMediaToForm(templated, photo, 'whatsapp').replaced).toBe('its template');
  });
});
