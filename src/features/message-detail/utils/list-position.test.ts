import { describe, expect, it } from 'vitest';
import {
  describeListPosition,
  findListPosition,
  MAX_SEARCH_PAGES,
  wantsNextPage,
} from './list-position';
import { testMessage } from './test-message';

const rows = ['a', 'b', 'c'].map((letter) =>
  testMessage({ id: `${letter.repeat(8)}-1111-4111-8111-111111111111` }),
);
const [first, middle, last] = rows;
const idOf = (message: { id: string } | undefined) => message?.id;

describe('findListPosition', () => {
  it('finds the neighbours in the list order', () => {
    const position = findListPosition(rows, middle?.id ?? '', false);
    expect(position?.index).toBe(1);
    expect(position?.loaded).toBe(3);
    expect(idOf(position?.previous)).toBe(first?.id);
    expect(idOf(position?.next)).toBe(last?.id);
  });

  it('has no previous for the first row and no next for the last', () => {
    expect(findListPosition(rows, first?.id ?? '', false)?.previous).toBeUndefined();
    expect(findListPosition(rows, last?.id ?? '', true)?.next).toBeUndefined();
  });

  it('is undefined when the message is not among the loaded rows', () => {
    expect(findListPosition(rows, 'dddddddd-1111-4111-8111-111111111111', true)).toBeUndefined();
    expect(findListPosition([], first?.id ?? '', false)).toBeUndefined();
  });
});

describe('describeListPosition', () => {
  it('says "loaded" while more pages follow', () => {
    const position = findListPosition(rows, middle?.id ?? '', true);
    expect(position && describeListPosition(position)).toBe('2 of 3 loaded');
  });

  it('gives the plain count once the list is complete', () => {
    const position = findListPosition(rows, last?.id ?? '', false);
    expect(position && describeListPosition(position)).toBe('3 of 3');
  });
});

describe('wantsNextPage', () => {
  const atEnd = findListPosition(rows, last?.id ?? '', true);
  const inside = findListPosition(rows, middle?.id ?? '', true);

  it('reads on when the message is the last loaded row', () => {
    expect(wantsNextPage(atEnd, 1, true)).toBe(true);
    expect(wantsNextPage(inside, 1, true)).toBe(false);
  });

  it('never reads past the end of the list', () => {
    expect(wantsNextPage(atEnd, 1, false)).toBe(false);
    expect(wantsNextPage(undefined, 1, false)).toBe(false);
  });

  it('searches for a message it has not found, up to a limit', () => {
    expect(wantsNextPage(undefined, 1, true)).toBe(true);
    expect(wantsNextPage(undefined, MAX_SEARCH_PAGES - 1, true)).toBe(true);
    expect(wantsNextPage(undefined, MAX_SEARCH_PAGES, true)).toBe(false);
  });
});
