import { describe, expect, it } from 'vitest';
import { MESSAGE_LIST_PARAM } from '@/lib/bird/decisions';
import { MESSAGE_PAGE_LIMIT, messageFilterParams } from './message-filter-params';

const channelId = '0b6d71fc-0000-4000-8000-00000000000c';
const batchId = '0b6d71fc-0000-4000-8000-00000000000b';

describe('messageFilterParams', () => {
  it('asks for a first page of the default size without filters', () => {
    expect(messageFilterParams({}).toString()).toBe(`limit=${MESSAGE_PAGE_LIMIT}`);
  });

  it('maps every filter to its contract parameter and repeats status', () => {
    const params = messageFilterParams(
      {
        reverse: true,
        platform: 'sms-messagebird',
        startAt: '2026-11-01T00:00:00.000Z',
        endAt: '2026-11-27T00:00:00.000Z',
        from: '+31612345678',
        to: 'ops@example.com',
        tag: 'campaign-7',
        subject: 'invoice',
        batchId,
        status: ['sent', 'delivered'],
        direction: 'outgoing',
        channelId,
      },
      { limit: 20, pageToken: 'WyIyMDI2Il0=' },
    );
    expect(params.getAll(MESSAGE_LIST_PARAM.status)).toEqual(['sent', 'delivered']);
    expect(Object.fromEntries([...params].filter(([name]) => name !== 'status'))).toEqual({
      limit: '20',
      pageToken: 'WyIyMDI2Il0=',
      reverse: 'true',
      platform: 'sms-messagebird',
      startAt: '2026-11-01T00:00:00.000Z',
      endAt: '2026-11-27T00:00:00.000Z',
      from: '+31612345678',
      to: 'ops@example.com',
      tag: 'campaign-7',
      subject: 'invoice',
      batchId,
      direction: 'outgoing',
      channelId,
    });
  });

  it('leaves out empty values, empty lists and reverse=false', () => {
    const params = messageFilterParams({
      reverse: false,
      from: '',
      status: [],
      tag: undefined,
    });
    expect(params.toString()).toBe(`limit=${MESSAGE_PAGE_LIMIT}`);
  });

  it('drops channelId for a channel list, whose channel is in the path', () => {
    const params = messageFilterParams({ channelId, status: ['sent'] }, {}, 'channel');
    expect(params.has('channelId')).toBe(false);
    expect(params.getAll('status')).toEqual(['sent']);
    expect(messageFilterParams({ channelId }, {}, 'workspace').get('channelId')).toBe(channelId);
  });

  it('ignores an empty page token', () => {
    expect(messageFilterParams({}, { pageToken: '' }).has('pageToken')).toBe(false);
  });
});
