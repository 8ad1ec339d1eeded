import { describe, expect, it } from 'vitest';
import { type ChromiumFacts, planChromium, systemChromium } from '../e2e/support/chromium';

const nothing: ChromiumFacts = {
  override: undefined,
  playwrightPath: '/root/.cache/ms-playwright/chromium-1/chrome',
  exists: () => false,
  isRoot: false,
  isDebian: false,
  isWorker: false,
};

const existing =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('planChromium', () => {
  it('prefers PERCH_CHROMIUM, then Debian’s chromium, then Playwright’s own', () => {
    const all = existing('/opt/chrome', systemChromium, nothing.playwrightPath ?? '');
    expect(planChromium({ ...nothing, override: '/opt/chrome', exists: all })).toEqual({
      kind: 'found',
      path: '/opt/chrome',
    });
    expect(planChromium({ ...nothing, exists: all })).toEqual({
      kind: 'found',
      path: systemChromium,
    });
    expect(planChromium({ ...nothing, exists: existing(nothing.playwrightPath ?? '') })).toEqual({
      kind: 'found',
      path: nothing.playwrightPath,
    });
  });

  it('says so when PERCH_CHROMIUM points nowhere', () => {
    const plan = planChromium({ ...nothing, override: '/nope/chrome' });
    expect(plan).toEqual({
      kind: 'missing',
      message: 'PERCH_CHROMIUM is /nope/chrome, but there is no such file.',
    });
  });

  it('installs with apt-get only as root on Debian, and never in a worker', () => {
    expect(planChromium({ ...nothing, isRoot: true, isDebian: true })).toEqual({
      kind: 'install-with-apt',
    });
    expect(planChromium({ ...nothing, isRoot: true, isDebian: true, isWorker: true }).kind).toBe(
      'missing',
    );
  });

  it('gives the exact command to run elsewhere', () => {
    const debianUser = planChromium({ ...nothing, isDebian: true });
    expect(debianUser.kind === 'missing' && debianUser.message).toContain(
      'sudo apt-get install -y chromium',
    );
    const other = planChromium({ ...nothing, isRoot: true });
    expect(other.kind === 'missing' && other.message).toContain('npx playwright install chromium');
  });
});
