import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_PLATFORM_IDS } from '@/lib/bird/common';

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
const sprite = read('./platform-icons.svg');
const css = read('./platform-icon.css');

/** The drawings of the sprite, left to right: their ids and where each starts. */
const drawings = [...sprite.matchAll(/<svg id="([\w-]+)" x="(\d+)" width="20" height="20"/g)].map(
  ([, id, x]) => ({ id, x: Number(x) }),
);
const last = drawings.length - 1;

/** The position the style sheet gives an icon: `calc(100% * i / n)`, as [i, n]. */
function positionOf(selector: string, property: string): [number, number] | undefined {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) return undefined;
  const rule = css.slice(start, css.indexOf('}', start));
  const match = new RegExp(`${property}:[^;]*?calc\\(100% \\* (\\d+) / (\\d+)\\)`).exec(rule);
  return match === null ? undefined : [Number(match[1]), Number(match[2])];
}

describe('platform icons', () => {
  it('has one drawing per known platform, in their order, then the unknown one', () => {
    expect(drawings.map((drawing) => drawing.id)).toEqual([...KNOWN_PLATFORM_IDS, 'unknown']);
    expect(drawings.map((drawing) => drawing.x)).toEqual(drawings.map((_, index) => index * 20));
    expect(sprite).toContain(`viewBox="0 0 ${String(drawings.length * 20)} 20"`);
  });

  it("shows each platform's own drawing, and the unknown one for anything else", () => {
    expect(css).toContain(`/ ${String(drawings.length * 100)}% 100%`);
    KNOWN_PLATFORM_IDS.forEach((id, index) => {
      expect(positionOf(`.platform-icon[data-platform='${id}']`, 'background-position-x')).toEqual([
        index,
        last,
      ]);
    });
    expect(positionOf('.platform-icon', 'background')).toEqual([last, last]);
  });
});
