import { describe, expect, it } from 'vitest';
import { deleteView, parseSavedViews, saveView } from './saved-views';

describe('saved views', () => {
  const failed = {
    name: 'Failed SMS',
    search: 'platform=sms-messagebird&status=rejected',
    columns: {},
  };
  const vip = { name: 'VIP', search: 'tag=vip', columns: { reference: false } };

  it('saves, replaces by name and deletes', () => {
    let views = saveView([], vip);
    views = saveView(views, failed);
    expect(views.map((v) => v.name)).toEqual(['Failed SMS', 'VIP']);
    views = saveView(views, { ...vip, name: ' vip ', search: 'tag=vip&order=oldest' });
    expect(views).toEqual([failed, { ...vip, name: 'vip', search: 'tag=vip&order=oldest' }]);
    expect(deleteView(views, 'Failed SMS').map((v) => v.name)).toEqual(['vip']);
  });

  it('reads back what it stored and drops what it cannot read', () => {
    expect(parseSavedViews(JSON.stringify([failed, vip]))).toEqual([failed, vip]);
    expect(parseSavedViews(JSON.stringify([failed, { name: '', search: 1 }, 'x']))).toEqual([
      failed,
    ]);
    expect(parseSavedViews('{not json')).toEqual([]);
    expect(parseSavedViews(JSON.stringify({ a: 1 }))).toEqual([]);
    expect(parseSavedViews(null)).toEqual([]);
  });
});
