import { describe, expect, it } from 'vitest';
import { describeAttachmentTotal, describeChannelFit, fitPlatformOf } from './channel-fit';

const MB = 1024 * 1024;

describe('describeChannelFit', () => {
  it('names the channel platform and its rule', () => {
    expect(fitPlatformOf('sms-messagebird')).toBe('mms');
    expect(describeChannelFit('whatsapp', 'image/png', 200 * 1024)).toBe(
      'Fits WhatsApp: images up to 5 MB.',
    );
    expect(describeChannelFit('whatsapp', 'application/pdf', 20 * MB)).toBe(
      'Fits WhatsApp: documents up to 100 MB.',
    );
    expect(describeChannelFit('sms-messagebird', 'image/jpeg', 6 * MB)).toBe(
      'Too large for MMS: up to 5 MB per message, and this is 6 MB.',
    );
    expect(describeChannelFit('whatsapp', 'image/jpeg', 5 * MB + 1)).toMatch(/^Too large/);
  });

  it('says what MMS cannot carry, and the rule alone when the size is unknown', () => {
    expect(describeChannelFit('sms-messagebird', 'application/pdf', 1000)).toBe(
      'MMS does not carry documents; send it as an email attachment or on WhatsApp.',
    );
    expect(describeChannelFit('whatsapp', 'video/mp4', null)).toBe(
      'WhatsApp takes videos up to 16 MB.',
    );
  });

  it('gives no hint without known limits or type', () => {
    expect(describeChannelFit('telegram', 'image/png', 10)).toBeUndefined();
    expect(describeChannelFit('whatsapp', '', 10)).toBeUndefined();
  });
});

describe('describeAttachmentTotal', () => {
  it('adds the known sizes against the 10 MB email default', () => {
    expect(describeAttachmentTotal([MB, 512 * 1024])).toBe(
      '2 attachments, 1.5 MB in all; email takes up to 10 MB.',
    );
    expect(describeAttachmentTotal([6 * MB, 5 * MB, null])).toBe(
      '3 attachments, 11 MB in all (1 of unknown size); over the 10 MB email limit: it may be refused.',
    );
    expect(describeAttachmentTotal([null])).toBe(
      '1 attachment, size not known; email takes up to 10 MB.',
    );
  });
});
