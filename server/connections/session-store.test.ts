import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { SessionStore } from './session-store';

const init = {
  mode: 'bird' as const,
  workspaceId: '0b6d71fc-0000-4000-8000-000000000001',
  accessKey: 'secret-access-key-1234',
  upstream: {
    apiBase: 'https://api.example',
    mediaBase: 'https://media.example',
    mediaBases: ['https://media.example'],
    allowHttpUploads: false,
  },
  host: 'Localhost:8080',
};

describe('SessionStore', () => {
  it('drops the least recently used session beyond its size', () => {
    const store = new SessionStore({ clock: new ManualClock(), idleMs: 60_000, maxSessions: 2 });
    const a = store.create(init);
    const b = store.create(init);
    store.touch(a);
    const c = store.create(init);
    expect(store.find(a.id, 'localhost:8080')).toBe(a);
    expect(store.find(b.id, 'localhost:8080')).toBeUndefined();
    expect(store.find(c.id, 'localhost:8080')).toBe(c);
  });

  it('shows a session to logs and JSON without its key', () => {
    const store = new SessionStore({ clock: new ManualClock(), idleMs: 60_000 });
    const session = store.create(init);
    expect(JSON.stringify({ session })).not.toContain(init.accessKey);
    expect(inspect(session, { showHidden: true, depth: 5 })).not.toContain(init.accessKey);
    expect(session.authorization()).toBe(`AccessKey ${init.accessKey}`);
  });

  it('forgets upload targets after an hour and keeps them per session', () => {
    const clock = new ManualClock();
    const store = new SessionStore({ clock, idleMs: 24 * 3600_000 });
    const mine = store.create(init);
    const theirs = store.create(init);
    const token = mine.issueUploadTarget(new URL('https://s3.example/b'), clock.now());
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(mine.uploadTarget(token, clock.now())?.href).toBe('https://s3.example/b');
    expect(theirs.uploadTarget(token, clock.now())).toBeUndefined();
    clock.advance(3600_000 - 1);
    expect(mine.uploadTarget(token, clock.now())).toBeDefined();
    clock.advance(1);
    expect(mine.uploadTarget(token, clock.now())).toBeUndefined();
  });
});
